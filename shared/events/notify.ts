import { users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { sendMailQuietly } from '../mail/send.ts';
import type { Mail } from '../mail/templates.ts';
import type { KakehashiEvent } from './event.entity.ts';

/** Mails one person about an event: the mail is built from the event's title, start and links. */
export async function notify(
  userId: string,
  event: KakehashiEvent,
  build: (about: { title: string; startsAt: string; appUrl: string; eventId: string }) => Mail,
  email?: string,
): Promise<void> {
  const to = email ?? (await users.get(userId))?.email;
  await sendMailQuietly(
    to,
    build({ title: event.title, startsAt: event.startsAt, appUrl: config().WEB_ORIGIN, eventId: event.id }),
  );
}
