import { roleApi } from '#shared/http/role-api.ts';
import { listOutbox } from '#shared/mail/list-outbox.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.outboxMail, async ({ query }) => ({ json: await listOutbox(query) }));
