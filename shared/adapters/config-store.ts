/** Year configuration: `pk=CONFIG#<countyCode>`, `sk=YEAR#<year>`. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './aws-clients.ts';
import { yearConfigOf, type YearConfig } from '../domain/year-config.ts';

export const configStore = {
  async get(countyCode: string, year: number): Promise<YearConfig> {
    const result = await dynamo.send(
      new GetCommand({
        TableName: tableName.main(),
        Key: { pk: `CONFIG#${countyCode}`, sk: `YEAR#${year}` },
      }),
    );
    const { pk: _pk, sk: _sk, entity: _entity, ...stored } = result.Item ?? {};
    return yearConfigOf(countyCode, year, stored);
  },
};
