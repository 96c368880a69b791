/** Why a transaction was refused, by the position of the item whose condition failed. */
export function cancellationReasons(error: unknown): string[] {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

export const isConditionFailure = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException';

/** A transaction refused only because another one touched the same item at that moment (no condition failed). */
export const isTransactionConflict = (error: unknown) => {
  const name = (error as Error).name;
  if (name === 'TransactionConflictException') return true;
  if (name !== 'TransactionCanceledException') return false;
  const reasons = cancellationReasons(error);
  return reasons.includes('TransactionConflict') && !reasons.includes('ConditionalCheckFailed');
};

/**
 * Runs a write again while it only conflicts with concurrent transactions: many people taking the seats of one
 * event at once conflict on its counter, and that is the product's business to resolve, never the caller's.
 * Backs off with jitter so a crowd spreads out; a condition failure or any other error is thrown at once.
 */
export async function retryOnConflict<T>(write: () => Promise<T>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(5 * 2 ** attempt, 250)));
    }
  }
}
