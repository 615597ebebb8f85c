import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { activeTarget, studioConnectionQueries } from '../api/transport/studio-connection';
import { useSession } from './session';

// The form (react-hook-form, zod, the status check) loads only when the studio has to ask for credentials.
const SignInDialog = lazy(async () => ({ default: (await import('./sign-in-dialog')).SignInDialog }));

/**
 * Opens the sign-in dialog when the cluster in use takes credentials from the form and this tab has
 * none. The dialog stays mounted for such a cluster: a refused attempt clears the credentials it tried,
 * and its message must survive that.
 */
export function SignInGate() {
  const connection = useQuery(studioConnectionQueries.current());
  const session = useSession();
  const target = connection.data ? activeTarget(connection.data, session.target) : undefined;
  if (target?.credentials !== 'form') return null;
  return (
    <Suspense fallback={null}>
      <SignInDialog target={target} open={session.credentials === undefined} />
    </Suspense>
  );
}
