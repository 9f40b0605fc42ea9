/** How long logs are kept: at least six months, as the Cybersecurity Law (网络安全法 §21) asks. */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const LOG_RETENTION = RetentionDays.SIX_MONTHS;
