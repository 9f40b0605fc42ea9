/** Platform: health, the API document, who am I, regions, uploads, the Cognito trigger. */
import * as platform from '../../contracts/platform.ts';
import * as uploads from '../../contracts/uploads.ts';
import { api, type Area } from './area.ts';

export const platformArea: Area = {
  functions: [
    api('get-health', 'functions/platform/get-health.ts', 'Health of each component', {
      tables: { main: 'read', audit: 'read' },
      buckets: { evidence: 'read' },
    }),
    api(
      'get-openapi',
      'functions/platform/get-openapi.ts',
      'OpenAPI 3.1 document generated from the zod schemas',
    ),
    api('get-me', 'functions/platform/get-me.ts', 'The caller and their scope'),
    api('list-regions', 'functions/platform/list-regions.ts', 'Towns and villages in scope', {
      tables: { main: 'read' },
    }),
    api('create-upload', 'functions/uploads/create-upload.ts', 'Presigned PUT for evidence', {
      tables: { main: 'readwrite' },
      buckets: { evidence: 'write' },
    }),
    api('get-upload', 'functions/uploads/get-upload.ts', 'Upload status', { tables: { main: 'read' } }),
    api('record-upload', 'functions/uploads/record-upload.ts', 'S3 notification: mark an upload stored', {
      tables: { main: 'readwrite' },
      buckets: { evidence: 'read' },
    }),
    api('pre-token-generation', 'functions/auth/pre-token-generation.ts', 'Cognito trigger: scope claims'),
  ],
  routes: [
    platform.getHealth,
    platform.getOpenApi,
    platform.getMe,
    platform.listRegions,
    uploads.createUpload,
    uploads.getUpload,
  ],
};
