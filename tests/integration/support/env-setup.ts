/**
 * Runs in each integration worker before the test file: gives the worker the handlers'
 * environment (endpoints, S3RVER credentials, TABLE_*, BUCKET_*), so a test may use the shared
 * adapters and SDK clients directly against the same local services.
 */
import { inject } from 'vitest';
import './context.ts';

Object.assign(process.env, inject('localRuntime').env);
