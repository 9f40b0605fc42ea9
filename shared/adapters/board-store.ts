/**
 * What the submission board reads and the 6th's check writes. The month's submissions come from
 * gsi2 `SUBS#<countyCode>#<dueMonth>` / `<department>#<receivedAt>` (a department reads only its
 * own prefix); the departments marked missing are `pk=BOARD#<countyCode>#<dueMonth>`,
 * `sk=MISSING#<department>` {markedAt}.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { dynamo, tableName } from './aws-clients.ts';
import { DEPARTMENTS, type Department } from '../auth/roles.ts';
import type { BoardSubmission } from '../domain/submission-board.ts';
import { queryAll } from './batch-io.ts';

export interface BoardStore {
  /** The month's submissions of the county, or of one department. */
  monthSubmissions(countyCode: string, month: string, department?: Department): Promise<BoardSubmission[]>;
  /** Departments the check marked missing, with when. */
  missingMarks(countyCode: string, month: string): Promise<Map<Department, string>>;
  /** Records the mark once; false when it was already there. */
  markMissing(countyCode: string, month: string, department: Department, markedAt: string): Promise<boolean>;
}

const SubmissionFacts = z.object({
  department: z.enum(DEPARTMENTS),
  receivedAt: z.string(),
  timeliness: z.enum(['on_time', 'late']),
  status: z.string(),
  counts: z.object({ accepted: z.number().int(), rejected: z.number().int() }).optional(),
});

const MissingMark = z.object({ department: z.enum(DEPARTMENTS), markedAt: z.string() });

const boardPk = (countyCode: string, month: string) => `BOARD#${countyCode}#${month}`;

export const dynamoBoardStore: BoardStore = {
  async monthSubmissions(countyCode, month, department) {
    const items = await queryAll(dynamo, {
      TableName: tableName.main(),
      IndexName: 'gsi2',
      KeyConditionExpression: department ? 'gsi2pk = :pk AND begins_with(gsi2sk, :dept)' : 'gsi2pk = :pk',
      ExpressionAttributeValues: {
        ':pk': `SUBS#${countyCode}#${month}`,
        ...(department ? { ':dept': `${department}#` } : {}),
      },
      ProjectionExpression: 'department, receivedAt, timeliness, #status, counts',
      ExpressionAttributeNames: { '#status': 'status' },
    });
    return items.map((item) => SubmissionFacts.parse(item));
  },

  async missingMarks(countyCode, month) {
    const items = await queryAll(dynamo, {
      TableName: tableName.main(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :missing)',
      ExpressionAttributeValues: { ':pk': boardPk(countyCode, month), ':missing': 'MISSING#' },
    });
    return new Map(items.map((item) => MissingMark.parse(item)).map((m) => [m.department, m.markedAt]));
  },

  async markMissing(countyCode, month, department, markedAt) {
    try {
      await dynamo.send(
        new PutCommand({
          TableName: tableName.main(),
          Item: {
            pk: boardPk(countyCode, month),
            sk: `MISSING#${department}`,
            entity: 'board-missing',
            countyCode,
            month,
            department,
            markedAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
};
