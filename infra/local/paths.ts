/** Where the local runtime keeps things: everything under `.local/` (git-ignored). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LOCAL_DIR = join(REPO_ROOT, '.local');
/** Data kept between `npm start` runs: DynamoDB files, S3 objects, the issuer's key pair. */
export const DEFAULT_DATA_DIR = join(LOCAL_DIR, 'data');
/** The DynamoDB Local jar, fetched once. */
export const DYNAMODB_LOCAL_DIR = join(LOCAL_DIR, 'dynamodb-local');

export const dataPaths = (dataDir: string) => ({
  dynamodb: join(dataDir, 'dynamodb'),
  s3: join(dataDir, 's3'),
  issuer: join(dataDir, 'issuer'),
});
