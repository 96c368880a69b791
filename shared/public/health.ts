import { describeTable } from '../data/client.ts';

/** Whether the service can serve: ok only when the table answers, so a person or a load balancer sees at once if the data is gone. */
export async function health(at = new Date()): Promise<{ status: 'ok'; time: string }> {
  await describeTable();
  return { status: 'ok', time: at.toISOString() };
}
