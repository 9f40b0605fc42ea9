/**
 * Imported first by the entry points: silences the AWS SDK's Node-20 support warning before
 * any SDK client is constructed (modules construct clients at import time).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export {};
