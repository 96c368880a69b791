/** Why a transaction was refused, by the position of the item whose condition failed. */
export function cancellationReasons(error: unknown): string[] {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

export const isConditionFailure = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException';
