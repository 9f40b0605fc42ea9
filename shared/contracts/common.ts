/** Shapes shared by many routes: errors, pages, ids. */
import { z } from 'zod';

export const ErrorBody = z
  .object({
    code: z.string(),
    message: z.string().meta({ description: 'zh-CN 说明' }),
    requestId: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

export const Id = z.string().uuid('应为有效的 UUID');

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2048).optional().meta({ description: '上一页返回的 nextCursor' }),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: { description: '请求数据校验未通过', schema: ErrorBody },
  401: { description: '未登录或令牌无效', schema: ErrorBody },
  403: { description: '当前角色无权执行此操作', schema: ErrorBody },
  404: { description: '记录不存在或不在管辖范围内', schema: ErrorBody },
  500: { description: '服务器内部错误（仅含请求编号）', schema: ErrorBody },
} as const;
