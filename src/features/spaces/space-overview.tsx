import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { coSpaceUserPermissions } from '../../api/params/co-space-user';
import type { AccessMethod, CoSpaceUser } from '../../api/params/schemas';
import { RawXmlButton, RawXmlPanel, RawXmlToggle } from '../../components/raw-xml';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import { ownerMember } from '../../domain/profile-resolution/findings-members';
import type { SpaceModel } from '../../domain/profile-resolution/model';
import { useNavigate } from 'react-router';
import { DeleteDialog } from '../../components/space-edits/delete-dialog';
import { EditDialog } from '../../components/space-edits/edit-dialog';
import type { EditTarget } from '../../components/space-edits/edit-plans';
import { referencedProfiles, type ProfileUse } from './profile-refs';
import { formatParamValue } from './scope-labels';
import { useSpaceId } from './space-page';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;
const none = <Typography component="span" color="text.secondary">—</Typography>;

export function SpaceOverviewTab() {
  const spaceId = useSpaceId();
  const model = useQuery(spaceModelQueries.detail(spaceId));
  if (model.isPending) return <LinearProgress aria-label="Loading the space" />;
  if (model.isError) return <Alert severity="error">{model.error.message}</Alert>;
  return <SpaceOverview model={model.data} />;
}

/** An edit or delete the admin opened on this page. */
type Action = { mode: 'edit' | 'delete'; target: EditTarget };
type OnAction = (action: Action) => void;

export function SpaceOverview({ model }: { model: SpaceModel }) {
  const profiles = useMemo(() => referencedProfiles(model), [model]);
  const [action, setAction] = useState<Action | null>(null);
  const navigate = useNavigate();
  const spaceLabel = model.space.uri ?? model.space.name ?? model.space.id;
  return (
    <Stack spacing={3}>
      <Properties model={model} onAction={setAction} />
      <AccessMethods model={model} onAction={setAction} />
      <Members model={model} onAction={setAction} />
      <ReferencedProfiles model={model} uses={profiles} />
      {action?.mode === 'edit' && <EditDialog target={action.target} spaceLabel={spaceLabel} onClose={() => setAction(null)} />}
      {action?.mode === 'delete' && (
        <DeleteDialog
          target={action.target}
          spaceLabel={spaceLabel}
          contents={model}
          onClose={(deleted) => {
            setAction(null);
            if (deleted && action.target.kind === 'space') void navigate('/spaces');
          }}
        />
      )}
    </Stack>
  );
}

/** Edit and Delete for one object of the space. */
function RowActions({ what, target, onAction }: { what: string; target: EditTarget; onAction: OnAction }) {
  return (
    <>
      <Button size="small" onClick={() => onAction({ mode: 'edit', target })} aria-label={`Edit ${what}`}>
        Edit
      </Button>
      <Button size="small" color="error" onClick={() => onAction({ mode: 'delete', target })} aria-label={`Delete ${what}`}>
        Delete
      </Button>
    </>
  );
}

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1, gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" id={id} sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        {actions}
      </Stack>
      {children}
    </Paper>
  );
}

/** A profile reference: its name when it has one, the id, and whether it still exists. */
export function ProfileRef({ model, kind, id }: { model: SpaceModel; kind: 'callLegProfile' | 'callProfile'; id: string | undefined }) {
  if (!id) return <Typography component="span" color="text.secondary">none</Typography>;
  const key = id.toLowerCase();
  const name = kind === 'callLegProfile' ? model.callLegProfiles.get(key)?.name || undefined : undefined;
  const missing = model.missingProfiles.has(key);
  const needsActivation = kind === 'callLegProfile' ? model.callLegProfiles.get(key)?.needsActivation : undefined;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} component="span">
      {name && <strong>{name}</strong>}
      <Box component="span" sx={mono}>
        {key}
      </Box>
      {missing && <Chip size="small" color="error" label="does not exist (404)" />}
      {needsActivation !== undefined && (
        <Chip size="small" variant="outlined" color={needsActivation ? 'warning' : 'success'} label={`needsActivation ${needsActivation}`} />
      )}
    </Stack>
  );
}

function owner(model: SpaceModel): ReactNode {
  const { ownerJid, ownerId } = model.space;
  if (!ownerJid && !ownerId) return none;
  const member = ownerMember(model);
  return (
    <span>
      {ownerJid ?? ownerId}{' '}
      <Chip
        size="small"
        variant="outlined"
        color={member ? 'success' : 'warning'}
        label={member ? 'a member of the space' : 'not a member: no member way in of their own'}
      />
    </span>
  );
}

function Properties({ model, onAction }: { model: SpaceModel; onAction: OnAction }) {
  const { space, tenant } = model;
  const yesNo = (value: boolean | undefined, unset = 'not set') => (value === undefined ? unset : value ? 'yes' : 'no');
  const rows: Array<[string, ReactNode]> = [
    ['Name', space.name ?? none],
    ['URI user part', space.uri ?? none],
    ['Secondary URI', space.secondaryUri ?? none],
    ['Call ID', space.callId ?? none],
    ['PIN (passcode)', space.passcode ? <Box component="span" sx={mono}>{space.passcode}</Box> : 'no PIN'],
    [
      'Tenant',
      space.tenant ? (
        <span>
          {tenant?.name ?? '(no name)'} <Box component="span" sx={mono}>{space.tenant}</Box>
        </span>
      ) : (
        'none (system level)'
      ),
    ],
    ['callLegProfile', <ProfileRef key="clp" model={model} kind="callLegProfile" id={space.callLegProfile} />],
    ['callProfile', <ProfileRef key="cp" model={model} kind="callProfile" id={space.callProfile} />],
    ['Non-member access', yesNo(space.nonMemberAccess, 'not set (CMS default: allowed)')],
    ['Owner', owner(model)],
    ['Default layout', space.defaultLayout ?? none],
    ['Additional access methods', String(model.accessMethods.length)],
    ['Members', String(model.members.length)],
    ['Created by LDAP sync', yesNo(space.autoGenerated)],
    ['Secret (guest links)', space.secret ? 'set' : none],
  ];
  if (space.cdrTag) rows.push(['CDR tag', space.cdrTag]);
  if (space.streamUrl) rows.push(['Stream URL', space.streamUrl]);
  if (space.meetingScheduler) rows.push(['Meeting scheduler', space.meetingScheduler]);
  rows.push(['Space id', <Box key="id" component="span" sx={mono}>{space.id}</Box>]);
  return (
    <Section title="Properties" actions={<RowActions what="the space" target={{ kind: 'space', space }} onAction={onAction} />}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(160px, max-content) 1fr' }, columnGap: 3, rowGap: 0.75, m: 0 }}>
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <Typography component="dt" color="text.secondary" variant="body2">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {value}
            </Typography>
          </Fragment>
        ))}
      </Box>
      <Box sx={{ mt: 1 }}>
        <RawXmlToggle path={`coSpaces/${space.id}`} what="the space" />
      </Box>
    </Section>
  );
}

function usePage<T>(items: readonly T[], rowsPerPage = 25) {
  const [page, setPage] = useState(0);
  const last = Math.max(0, Math.ceil(items.length / rowsPerPage) - 1);
  const current = Math.min(page, last);
  return {
    shown: items.slice(current * rowsPerPage, (current + 1) * rowsPerPage),
    pager:
      items.length > rowsPerPage ? (
        <TablePagination
          component="div"
          count={items.length}
          page={current}
          rowsPerPage={rowsPerPage}
          rowsPerPageOptions={[rowsPerPage]}
          onPageChange={(_, next) => setPage(next)}
        />
      ) : null,
  };
}

function ExpandableRow({ cells, xmlPath, what, columns, actions }: { cells: ReactNode[]; xmlPath: string; what: string; columns: number; actions?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <TableRow>
        {cells.map((cell, i) => (
          <TableCell key={i}>{cell}</TableCell>
        ))}
        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
          {actions}
          <RawXmlButton open={open} onToggle={() => setOpen((was) => !was)} what={what} />
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={columns + 1} sx={{ py: 1 }}>
            <Collapse in appear>
              <RawXmlPanel path={xmlPath} />
            </Collapse>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function AccessMethods({ model, onAction }: { model: SpaceModel; onAction: OnAction }) {
  const { shown, pager } = usePage(model.accessMethods);
  const label = (m: AccessMethod & { id: string }) => m.name || m.uri || (m.callId ? `call ID ${m.callId}` : m.id);
  return (
    <Section title={`Access methods (${model.accessMethods.length})`}>
      {model.accessMethods.length === 0 ? (
        <Typography color="text.secondary">No additional access methods: the space's own URI and call ID are the only addresses.</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Access methods">
            <TableHead>
              <TableRow>
                {['Name', 'URI', 'Call ID', 'PIN', 'Scope', 'callLegProfile', ''].map((h) => (
                  <TableCell key={h}>{h}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((method) => (
                <ExpandableRow
                  key={method.id}
                  columns={6}
                  what={`access method ${label(method)}`}
                  xmlPath={`coSpaces/${model.space.id}/accessMethods/${method.id}`}
                  actions={<RowActions what={`access method ${label(method)}`} target={{ kind: 'accessMethod', spaceId: model.space.id, item: method }} onAction={onAction} />}
                  cells={[
                    method.name ?? none,
                    method.uri ?? none,
                    method.callId ?? none,
                    method.passcode ? <Box component="span" sx={mono}>{method.passcode}</Box> : 'no PIN',
                    method.scope ?? none,
                    <ProfileRef key="p" model={model} kind="callLegProfile" id={method.callLegProfile} />,
                  ]}
                />
              ))}
            </TableBody>
          </Table>
          {pager}
        </TableContainer>
      )}
    </Section>
  );
}


function Members({ model, onAction }: { model: SpaceModel; onAction: OnAction }) {
  const { shown, pager } = usePage(model.members);
  const permissions = (member: CoSpaceUser) => coSpaceUserPermissions.filter((p) => member[p] === true);
  return (
    <Section title={`Members (${model.members.length})`}>
      {model.members.length === 0 ? (
        <Typography color="text.secondary">No members.</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Members">
            <TableHead>
              <TableRow>
                {['User', 'User id', 'callLegProfile', 'Permissions', ''].map((h) => (
                  <TableCell key={h}>{h}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((member) => {
                const granted = permissions(member);
                return (
                  <ExpandableRow
                    key={member.id}
                    columns={4}
                    what={`member ${member.userJid ?? member.id}`}
                    xmlPath={`coSpaces/${model.space.id}/coSpaceUsers/${member.id}`}
                    actions={<RowActions what={`member ${member.userJid ?? member.id}`} target={{ kind: 'member', spaceId: model.space.id, item: member }} onAction={onAction} />}
                    cells={[
                      member.userJid ?? none,
                      member.userId ? <Box component="span" sx={mono}>{member.userId}</Box> : none,
                      <ProfileRef key="p" model={model} kind="callLegProfile" id={member.callLegProfile} />,
                      granted.length === 0 ? (
                        'none'
                      ) : (
                        <Tooltip key="perm" title={granted.join(', ')}>
                          <span>{`${granted.length} of ${coSpaceUserPermissions.length}`}</span>
                        </Tooltip>
                      ),
                    ]}
                  />
                );
              })}
            </TableBody>
          </Table>
          {pager}
        </TableContainer>
      )}
    </Section>
  );
}

function keySettings(model: SpaceModel, use: ProfileUse): string {
  if (use.missing) return 'CMS answered 404: the reference points at nothing, so this level sets nothing.';
  if (use.kind === 'callLegProfile') {
    const p = model.callLegProfiles.get(use.id);
    if (!p) return '';
    const parts = [`needsActivation ${formatParamValue(p.needsActivation)}`];
    if (p.deactivationMode !== undefined) parts.push(`deactivationMode ${p.deactivationMode}`);
    if (p.deactivationModeTime !== undefined) parts.push(`deactivationModeTime ${p.deactivationModeTime}`);
    if (p.defaultLayout !== undefined) parts.push(`defaultLayout ${p.defaultLayout}`);
    const set = Object.entries(p).filter(([k, v]) => k !== 'id' && k !== 'name' && v !== undefined).length;
    parts.push(`${set} ${set === 1 ? 'parameter' : 'parameters'} set`);
    return parts.join(' · ');
  }
  const p = model.callProfiles.get(use.id);
  if (!p) return '';
  const parts = [`passcodeMode ${formatParamValue(p.passcodeMode)}`];
  if (p.passcodeTimeout !== undefined) parts.push(`passcodeTimeout ${p.passcodeTimeout} s`);
  if (p.participantLimit !== undefined) parts.push(`participantLimit ${p.participantLimit}`);
  return parts.join(' · ');
}

function ReferencedProfiles({ model, uses }: { model: SpaceModel; uses: ProfileUse[] }) {
  return (
    <Section title="Profiles referenced">
      {uses.length === 0 ? (
        <Typography color="text.secondary">No callLegProfile or callProfile is attached at any level: CMS defaults apply.</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Profiles referenced">
            <TableHead>
              <TableRow>
                {['Profile', 'Attached at', 'Key settings', ''].map((h) => (
                  <TableCell key={h}>{h}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {uses.map((use) => (
                <ExpandableRow
                  key={`${use.kind}:${use.id}`}
                  columns={3}
                  what={`${use.kind} ${use.id}`}
                  xmlPath={`${use.kind === 'callLegProfile' ? 'callLegProfiles' : 'callProfiles'}/${use.id}`}
                  cells={[
                    <Stack key="p" spacing={0.5}>
                      <Typography variant="caption" color="text.secondary">
                        {use.kind}
                      </Typography>
                      <ProfileRef model={model} kind={use.kind} id={use.id} />
                    </Stack>,
                    use.usedBy.join(', '),
                    keySettings(model, use),
                  ]}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}
