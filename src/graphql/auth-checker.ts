import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { Context } from './context.js';

/** `@Authorized('editor')` admits editors and admins; `@Authorized('admin')` only admins. */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (context.caller === null) {
    throw new GraphQLError('This operation needs an API token: send Authorization: Bearer <token>.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const allowed = roles.includes(context.caller.role) || (context.caller.role === 'admin' && roles.includes('editor'));
  if (!allowed) {
    throw new GraphQLError(`This operation needs the ${roles.join(' or ')} role; your token has the ${context.caller.role} role.`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  return true;
};
