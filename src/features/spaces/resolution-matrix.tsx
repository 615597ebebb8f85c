import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useMemo, useState } from 'react';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import type { ParamTable } from '../../api/params/param-def';
import type { JoinPath, SpaceModel } from '../../domain/profile-resolution/model';
import { buildMatrix, type LevelCell, type LevelColumn, type ParamRow, type PathCell } from './matrix';
import { RoleChip } from './scope-chip';
import { formatParamValue, SCOPE_LABELS } from './scope-labels';

/** Join path columns per page: a space with 5,000 members stays a readable (and fast) table. */
export const PATH_COLUMNS_PER_PAGE = 8;
const FIRST_COLUMN_WIDTH = 210;

const valueSx = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;
const stickyFirst = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper', borderRight: 1, borderRightColor: 'divider' } as const;

type ResolutionMatrixProps = {
  model: SpaceModel;
  paths: readonly JoinPath[];
  pageSize?: number;
};

/**
 * Parameters × levels and join paths: what each level sets, what is overridden (struck through),
 * and per join path the value in force with the level it comes from.
 */
export function ResolutionMatrix({ model, paths, pageSize = PATH_COLUMNS_PER_PAGE }: ResolutionMatrixProps) {
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const [onlySet, setOnlySet] = useState(false);
  const [pathFilter, setPathFilter] = useState('');
  const [page, setPage] = useState(0);

  const shownPaths = useMemo(() => {
    const wanted = pathFilter.trim().toLowerCase();
    if (wanted === '') return paths;
    return paths.filter((p) => [p.label, p.uri, p.callId].some((text) => text?.toLowerCase().includes(wanted)));
  }, [paths, pathFilter]);
  const pages = Math.max(1, Math.ceil(shownPaths.length / pageSize));
  const current = Math.min(page, pages - 1);
  const matrix = useMemo(
    () =>
      buildMatrix(model, shownPaths, {
        onlyDiffering,
        onlySetSomewhere: onlySet,
        pathWindow: { offset: current * pageSize, limit: pageSize },
      }),
    [model, shownPaths, onlyDiffering, onlySet, current, pageSize],
  );
  const labels = useMemo(() => new Map(paths.map((p) => [p.key, p.label])), [paths]);
  const columnCount = 1 + matrix.levelColumns.length + matrix.pathColumns.length;
  const from = shownPaths.length === 0 ? 0 : current * pageSize + 1;
  const to = Math.min(shownPaths.length, (current + 1) * pageSize);

  return (
    <Paper variant="outlined">
      <Stack direction="row" sx={{ p: 1.5, gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControlLabel
          control={<Switch checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} />}
          label="Only parameters that differ between paths"
        />
        <FormControlLabel control={<Switch checked={onlySet} onChange={(e) => setOnlySet(e.target.checked)} />} label="Only parameters set somewhere" />
        <Box sx={{ flexGrow: 1 }} />
        {paths.length > pageSize && (
          <TextField
            size="small"
            label="Find a join path"
            value={pathFilter}
            onChange={(e) => {
              setPathFilter(e.target.value);
              setPage(0);
            }}
          />
        )}
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="body2" aria-live="polite">
            {shownPaths.length === 0 ? 'No join path' : `Join paths ${from}–${to} of ${shownPaths.length.toLocaleString()}`}
          </Typography>
          {pages > 1 && (
            <>
              <IconButton aria-label="Previous join paths" disabled={current === 0} onClick={() => setPage(current - 1)}>
                <ChevronLeftIcon />
              </IconButton>
              <IconButton aria-label="Next join paths" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                <ChevronRightIcon />
              </IconButton>
            </>
          )}
        </Stack>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ px: 1.5, pb: 1 }}>
        {matrix.shownCount} of {matrix.parameterCount} parameters. Struck through: set at that level but overridden by a more specific one. “In force”
        is what a leg joining that way gets, and from where.
      </Typography>
      <TableContainer sx={{ maxHeight: '75vh' }}>
        <Table stickyHeader size="small" aria-label="Resolution matrix" sx={{ '& thead th': { verticalAlign: 'top' }, ...matrixBodySx }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ ...stickyFirst, zIndex: 3, minWidth: FIRST_COLUMN_WIDTH }}>Parameter</TableCell>
              {matrix.levelColumns.map((column) => (
                <LevelHeader key={column.scope} column={column} model={model} />
              ))}
              {matrix.pathColumns.map((path) => (
                <PathHeader key={path.key} path={path} />
              ))}
            </TableRow>
          </TableHead>
          <tbody>
            {matrix.rows.map((row) =>
              row.type === 'group' ? (
                <tr key={`group-${row.group}`}>
                  <Box component="td" colSpan={columnCount} sx={{ bgcolor: 'action.selected', py: '2px !important', px: '0 !important' }}>
                    <Typography variant="overline" component="div" sx={{ position: 'sticky', left: 0, px: 2, width: 'max-content' }}>
                      {row.label}
                    </Typography>
                  </Box>
                </tr>
              ) : (
                <ParamRowView key={row.param} row={row} labels={labels} pathCount={shownPaths.length} />
              ),
            )}
            {matrix.shownCount === 0 && (
              <tr>
                <td colSpan={columnCount}>No parameter matches these filters.</td>
              </tr>
            )}
          </tbody>
        </Table>
      </TableContainer>
    </Paper>
  );
}

function LevelHeader({ column, model }: { column: LevelColumn; model: SpaceModel }) {
  const profile = column.profileId ? model.callLegProfiles.get(column.profileId) : undefined;
  const label = column.scope === 'tenant' && model.tenant ? `Tenant ${model.tenant.name ?? ''}`.trim() : SCOPE_LABELS[column.scope];
  return (
    <TableCell data-column={column.scope} sx={{ minWidth: 120, bgcolor: 'background.paper' }}>
      <Typography variant="subtitle2" component="div">
        {label}
      </Typography>
      <Typography variant="caption" color={column.missing ? 'error' : 'text.secondary'} component="div" sx={{ ...valueSx, fontSize: 11 }}>
        {!column.present
          ? 'no tenant'
          : column.profileId
            ? `${profile?.name ? `${profile.name} · ` : ''}${column.profileId.slice(0, 8)}…${column.missing ? ' (404)' : ''}`
            : 'no callLegProfile'}
      </Typography>
    </TableCell>
  );
}

function PathHeader({ path }: { path: JoinPath }) {
  const pin = path.kind === 'member' ? 'web app sign-in' : path.passcode ? `PIN ${path.passcode}` : 'no PIN';
  return (
    <TableCell data-column={path.key} sx={{ minWidth: 140, maxWidth: 220, bgcolor: 'background.paper' }}>
      <Stack spacing={0.25}>
        <Typography variant="subtitle2" component="div" sx={{ overflowWrap: 'anywhere' }}>
          {path.label}
        </Typography>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <RoleChip role={path.role} />
          <Typography variant="caption" color="text.secondary">
            {pin}
          </Typography>
        </Stack>
      </Stack>
    </TableCell>
  );
}

const description = (param: string) => (callLegProfileParams as ParamTable)[param]?.description ?? '';

/*
 * The body is plain table markup styled once at the table: a 5,000-member space pages through its
 * columns, but even one page is hundreds of cells, and an MUI component per cell (chips, tooltips)
 * costs more than the whole resolution.
 */
const SCOPE_TONES: Record<string, string> = {
  global: 'grey.300',
  tenant: 'secondary.light',
  coSpace: 'primary.light',
  accessMethod: 'info.light',
  coSpaceUser: 'success.light',
  callLeg: 'warning.light',
  callOut: 'warning.light',
};

export const matrixBodySx = {
  '& tbody td, & tbody th': { px: 1.5, py: 0.75, borderBottom: 1, borderColor: 'divider', fontSize: 13, textAlign: 'left', verticalAlign: 'top' },
  '& tbody th': { ...stickyFirst, fontWeight: 400 },
  '& .param': { ...valueSx, fontWeight: 600 },
  '& .differs-note': { display: 'block', fontSize: 11, color: 'warning.main' },
  '& .value': valueSx,
  '& del.value': { color: 'text.disabled' },
  '& .note': { display: 'block', fontSize: 11, color: 'text.secondary' },
  '& .in-force': { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 0.5, mt: 0.25 },
  '& .in-force-label': { fontSize: 11, color: 'text.secondary' },
  '& .in-force-value': { ...valueSx, fontWeight: 700 },
  '& .scope': { fontSize: 11, lineHeight: '18px', px: 0.75, borderRadius: 2, color: 'common.black', whiteSpace: 'nowrap' },
  '& .scope-default': { border: 1, borderColor: 'divider', color: 'text.secondary' },
  ...Object.fromEntries(Object.entries(SCOPE_TONES).map(([scope, tone]) => [`& .scope-${scope}`, { bgcolor: tone }])),
  '& tbody tr:hover td': { bgcolor: 'action.hover' },
} as const;

export function ScopeTag({ scope, profileId }: { scope: keyof typeof SCOPE_LABELS; profileId?: string }) {
  return (
    <span className={`scope scope-${scope}`} title={profileId ? `callLegProfile ${profileId}` : undefined}>
      {SCOPE_LABELS[scope]}
    </span>
  );
}

const ParamRowView = memo(function ParamRowView({ row, labels, pathCount }: { row: ParamRow; labels: Map<string, string>; pathCount: number }) {
  return (
    <tr data-param={row.param} data-differs={row.differs || undefined}>
      <th scope="row">
        <span className="param" title={description(row.param)}>
          {row.param}
        </span>
        {row.differs && <span className="differs-note">differs between paths</span>}
      </th>
      <LevelCellView cell={row.levels.global} column="global" param={row.param} labels={labels} pathCount={pathCount} />
      <LevelCellView cell={row.levels.tenant} column="tenant" param={row.param} labels={labels} pathCount={pathCount} />
      <LevelCellView cell={row.levels.coSpace} column="coSpace" param={row.param} labels={labels} pathCount={pathCount} />
      {row.paths.map((cell) => (
        <PathCellView key={cell.pathKey} cell={cell} param={row.param} />
      ))}
    </tr>
  );
});

function Value({ value, struck }: { value: unknown; struck?: boolean }) {
  const text = formatParamValue(value);
  return struck ? (
    <del className="value" title="overridden by a more specific level">
      {text}
    </del>
  ) : (
    <span className="value">{text}</span>
  );
}

function LevelCellView({
  cell,
  column,
  param,
  labels,
  pathCount,
}: {
  cell: LevelCell;
  column: string;
  param: string;
  labels: Map<string, string>;
  pathCount: number;
}) {
  if (cell.value === undefined) return <td data-column={column} data-param={param} aria-label="not set" />;
  const overridden = cell.overriddenOn.length;
  const on = cell.overriddenOn.slice(0, 12).map((key) => labels.get(key) ?? key);
  return (
    <td data-column={column} data-param={param} data-struck={cell.struck || undefined}>
      <Value value={cell.value} struck={cell.struck} />
      {overridden > 0 && (
        <span className="note" title={`Overridden on: ${on.join(', ')}${overridden > 12 ? ` and ${overridden - 12} more` : ''}`}>
          overridden on {overridden} of {pathCount}
        </span>
      )}
    </td>
  );
}

function PathCellView({ cell, param }: { cell: PathCell; param: string }) {
  const { inForce } = cell;
  return (
    <td data-column={cell.pathKey} data-param={param} data-scope={inForce.scope}>
      {cell.ownScope &&
        (cell.own === undefined ? <span className="note">not set here</span> : <Value value={cell.own} struck={cell.ownStruck} />)}
      <span className="in-force" aria-label="in force">
        <span className="in-force-label">in force</span>
        <strong className="in-force-value">{formatParamValue(inForce.value)}</strong>
        <ScopeTag scope={inForce.scope} {...(inForce.profileId ? { profileId: inForce.profileId } : {})} />
      </span>
    </td>
  );
}
