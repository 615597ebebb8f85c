import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { tenantQueries } from '../../api/resources/tenants';
import { userQueries } from '../../api/resources/users';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import type { DialPlan } from '../../domain/space-evaluation/dial-plan';
import type { SpaceEvaluation } from '../../domain/space-evaluation/evaluate';
import { spaceLink } from '../../lib/wizard-links';
import { answerDialled, type PromptChoice } from './dialled-answer';
import type { DialledSearch, FindForm } from './dialled-input';
import { EVALUATED, type FindSources } from './find-dialled';
import { findQueries } from './find-queries';
import type { LocatedSpace } from './locate-dialled';
import { RoleChip } from './scope-chip';

const FOUND_BY: Record<LocatedSpace['by'][number], string> = {
  callId: 'its own call ID (coSpaces filter)',
  uri: 'a URI (uriUsageQuery: its URI, secondary URI or an access method’s)',
};

function whatWasSearched(search: DialledSearch): string {
  return search.callId !== undefined ? `call ID ${search.callId}` : `URI ${search.uri}`;
}

/** Reads through the page's cache, so the space page opened from a result has its model already. */
function useFindSources(): FindSources {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      tenantIds: async () => {
        const tenants = await queryClient.fetchQuery({ ...tenantQueries.listAll(), staleTime: 60_000 });
        return tenants.items.flatMap((t) => (t.id ? [t.id.toLowerCase()] : []));
      },
      loadModel: (spaceId) => queryClient.fetchQuery(spaceModelQueries.detail(spaceId)),
    }),
    [queryClient],
  );
}

/** The spaces CMS names for the dialled address, each evaluated once, with the way in, role and PIN prompt. */
export function DialledResults({ search, via, onFindUser }: { search: DialledSearch; via: FindForm['via']; onFindUser: (jid: string) => void }) {
  const find = useQuery(findQueries.dialled(search, useFindSources()));

  if (find.isError) return <Alert severity="error">CMS did not answer the search: {find.error.message}</Alert>;
  if (!find.data) return <Typography aria-live="polite">Asking CMS which space answers the {whatWasSearched(search)}…</Typography>;
  const { located, spaces } = find.data;
  const scopes = `uriUsageQuery asked without a tenant${located.uriScopes > 1 ? ` and in ${located.uriScopes - 1} tenant${located.uriScopes === 2 ? '' : 's'}` : ''}`;

  return (
    <Stack spacing={1.5} role="group" aria-live="polite" aria-label="Dialled results">
      {spaces.length === 0 && <NothingFound search={search} routed={located.callIdRouted} ivrIds={located.ivrIds} scopes={scopes} />}
      {spaces.length > 0 && located.ivrIds.length > 0 && (
        <Alert severity="warning">The URI {search.uri} is also the URI of an IVR ({located.ivrIds.join(', ')}).</Alert>
      )}
      {spaces.map((space) =>
        'error' in space ? (
          <Alert key={space.id} severity="error">
            Could not read the space {space.id}: {space.error}
          </Alert>
        ) : (
          <AnswerCard key={space.id} located={space} evaluation={space.evaluation} search={search} via={via} />
        ),
      )}
      {search.jid === undefined && located.userIds.length > 0 && <UsersWithUri uri={search.uri} userIds={located.userIds} onFindUser={onFindUser} />}
      {located.spaces.length > EVALUATED && (
        <Alert severity="warning">
          {located.spaces.length} spaces answer; CMS keeps a URI or call ID to one space, so this is worth a look. The first {EVALUATED} are shown.
        </Alert>
      )}
    </Stack>
  );
}

/** uriUsageQuery also names the users whose JID has this user part: a support call often starts from a person. */
function UsersWithUri({ uri, userIds, onFindUser }: { uri: string; userIds: string[]; onFindUser: (jid: string) => void }) {
  const users = useQueries({ queries: userIds.map((id) => userQueries.detail(id)) });
  const jids = users.flatMap((user) => (user.data?.userJid ? [user.data.userJid] : []));
  if (jids.length === 0) return null;
  return (
    <Alert severity="info">
      {uri} is also the user part of {jids.length === 1 ? 'a CMS user’s JID' : 'CMS users’ JIDs'}:{' '}
      {jids.map((jid) => (
        <Button key={jid} size="small" onClick={() => onFindUser(jid)}>
          Spaces of {jid}
        </Button>
      ))}
    </Alert>
  );
}

function NothingFound({ search, routed, ivrIds, scopes }: { search: DialledSearch; routed: boolean | undefined; ivrIds: string[]; scopes: string }) {
  if (ivrIds.length > 0) {
    return <Alert severity="info">The URI {search.uri} is the URI of an IVR ({ivrIds.join(', ')}), not of a space: callers reach the IVR.</Alert>;
  }
  if (routed) {
    return (
      <Alert severity="warning">
        CMS routes call ID {search.callId} (accessQuery answers for it), but no space has it as its own call ID: an access method has it, and CMS
        offers no query that names the space behind an access method’s call ID. Ask the caller for the URI they dialled, or the meeting’s
        name, and search for that.
      </Alert>
    );
  }
  return (
    <Alert severity="info">
      No space answers {search.callId !== undefined ? `call ID ${search.callId} (CMS routes it nowhere: accessQuery) or ` : ''}the URI {search.uri}{' '}
      ({scopes}).
    </Alert>
  );
}

function promptLabel(choice: PromptChoice): string {
  if (choice.pin === '') return 'nothing is asked';
  return choice.pin === '#' ? '# alone (a blank PIN)' : `PIN ${choice.pin}`;
}

function PlanOutcome({ plan }: { plan: DialPlan }) {
  if (plan.outcome === 'joins') {
    return (
      <>
        <RoleChip role={plan.role} /> {plan.path.label}
      </>
    );
  }
  return <span>{plan.reason}</span>;
}

function AnswerCard({
  located,
  evaluation,
  search,
  via,
}: {
  located: LocatedSpace;
  evaluation: SpaceEvaluation;
  search: DialledSearch;
  via: FindForm['via'];
}) {
  const { space, tenant } = evaluation.model;
  const name = space.name ?? space.id;
  const answer = answerDialled(evaluation, search, via);
  return (
    <Paper variant="outlined" role="article" aria-label={`Space ${name}`} sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Typography variant="subtitle1" component="h3">
          <Link component={RouterLink} to={spaceLink(space.id ?? located.id)}>
            {name}
          </Link>
          {tenant?.name ? ` · tenant ${tenant.name}` : ''}
          {evaluation.owner?.jid ? ` · owner ${evaluation.owner.jid}` : ''}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          Found by {located.by.map((by) => FOUND_BY[by]).join(' and ')}.
        </Typography>
        {!answer && <Alert severity="info">This space no longer answers the {whatWasSearched(search)}: it changed since CMS named it.</Alert>}
        {answer && <DialledPlan answer={answer} />}
      </Stack>
    </Paper>
  );
}

function DialledPlan({ answer }: { answer: NonNullable<ReturnType<typeof answerDialled>> }) {
  const { plan, atPrompt, by, address } = answer;
  const where = by === 'callId' ? `call ID ${address}` : address;
  return (
    <>
      {plan.outcome === 'joins' ? (
        <Box role="group" aria-label="Dialled answer">
          <Typography>
            <strong>Joins as</strong> <RoleChip role={plan.role} /> through {plan.path.label}
          </Typography>
          <Typography variant="body2">At the PIN prompt: {plan.entry}</Typography>
          <Typography variant="body2">Then: {plan.lobby}</Typography>
        </Box>
      ) : (
        <Alert severity="warning" aria-label="Dialled answer">
          {plan.reason}
        </Alert>
      )}
      {atPrompt.length > 1 && (
        <Box>
          <Typography variant="body2">Every PIN on {where}:</Typography>
          <List dense disablePadding aria-label={`PINs on ${where}`}>
            {atPrompt.map((choice) => (
              <ListItem key={choice.pin} disableGutters sx={{ gap: 1 }}>
                <Typography component="span" variant="body2" sx={{ minWidth: 170 }}>
                  {promptLabel(choice)} →
                </Typography>
                <Box component="span" sx={{ typography: 'body2' }}>
                  <PlanOutcome plan={choice.plan} />
                </Box>
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </>
  );
}
