/** An area of the platform: its part of the declaration. `declaration.ts` puts the areas together. */
import type { FunctionDecl, RouteDecl, ScheduleDecl, StateMachineDecl } from '../declaration-types.ts';

export interface Area {
  readonly functions: readonly FunctionDecl[];
  readonly routes: readonly RouteDecl[];
  readonly stateMachines?: readonly StateMachineDecl[];
  readonly schedules?: readonly ScheduleDecl[];
}

/** Write access to the main table with its audit trail. */
export const MAIN_RW = { main: 'readwrite', audit: 'write' } as const;

/** A small API function: 256 MB, 10 s. */
export const api = (
  name: string,
  entry: string,
  description: string,
  access: Partial<FunctionDecl> = {},
): FunctionDecl => ({
  name,
  entry,
  description,
  memoryMb: 256,
  timeoutSeconds: 10,
  ...access,
});
