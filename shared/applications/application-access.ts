import { NotFoundError } from '../domain/errors.ts';
import { type Application, applications } from './application.entity.ts';

/** An application the caller is a party of (`who`); to anyone else it does not exist. */
export async function applicationOf(id: string, who: (a: Application) => boolean): Promise<Application> {
  const application = await applications.get(id);
  if (!application || !who(application)) throw new NotFoundError('No such application.');
  return application;
}
