import { apiHandler } from '../../shared/http/api-handler.ts';
import { buildOpenApi } from '../../shared/http/openapi.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import { getOpenApi } from '../../shared/contracts/platform.ts';

let document: ReturnType<typeof buildOpenApi> | undefined;

export const handler = apiHandler(getOpenApi, async () => {
  document ??= buildOpenApi(declaration);
  return { status: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
