import { MASK } from '../../api/wire/secrets';
import { findingKind, SCAN_PATHS_KEPT, type ScanResult } from '../../api/wire/scan-contract';
import type { CoSpace } from '../../api/params/schemas';
import type { SpaceModel } from '../profile-resolution/model';
import type { SpaceEvaluation } from '../space-evaluation/evaluate';

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The evaluation's sentences name PINs ("Access method host.space (PIN 4711)"); a scan result must
 * not. Every PIN the space holds is masked where a sentence says `PIN <value>`.
 */
export function pinMasker(model: Pick<SpaceModel, 'space' | 'accessMethods'>): (text: string) => string {
  const pins = [model.space.passcode, ...model.accessMethods.map((m) => m.passcode)].filter((p): p is string => p !== undefined && p !== '');
  if (pins.length === 0) return (text) => text;
  const longestFirst = [...new Set(pins)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`PIN (?:${longestFirst.join('|')})(?![\\w])`, 'g');
  return (text) => text.replace(pattern, `PIN ${MASK}`);
}

function spaceFields(space: CoSpace & { id: string }, tenantName: string | undefined): Pick<ScanResult, 'spaceId' | 'name' | 'uri' | 'secondaryUri' | 'callId' | 'tenant' | 'tenantName'> {
  return {
    spaceId: space.id.toLowerCase(),
    ...(space.name ? { name: clip(space.name, 200) } : {}),
    ...(space.uri ? { uri: clip(space.uri, 200) } : {}),
    ...(space.secondaryUri ? { secondaryUri: clip(space.secondaryUri, 200) } : {}),
    ...(space.callId ? { callId: clip(space.callId, 200) } : {}),
    ...(space.tenant ? { tenant: space.tenant.toLowerCase() } : {}),
    ...(tenantName ? { tenantName: clip(tenantName, 200) } : {}),
  };
}

/** One space's verdict, findings and roles per way in, as stored: PIN presence, never a PIN. */
export function scanResultOf(evaluation: SpaceEvaluation, scannedAt: Date): ScanResult {
  const { model } = evaluation;
  const mask = pinMasker(model);
  const roles = { host: 0, guest: 0 };
  for (const path of evaluation.paths) roles[path.role]++;
  return {
    ...spaceFields(model.space, model.tenant?.name),
    status: evaluation.verdict.status,
    summary: clip(mask(evaluation.verdict.sentence), 1000),
    findings: evaluation.findings.map((f) => ({
      id: clip(f.id, 200),
      kind: clip(findingKind(f.id), 80),
      severity: f.severity,
      title: clip(mask(f.title), 500),
      ...(f.fix ? { fix: f.fix.scenario } : {}),
    })),
    roles,
    paths: evaluation.paths.slice(0, SCAN_PATHS_KEPT).map((p) => ({
      key: clip(p.key, 120),
      kind: p.kind,
      label: clip(mask(p.label), 300),
      role: p.role,
      ...(p.passcode === undefined ? {} : { pin: p.passcode === '' ? ('blank' as const) : ('set' as const) }),
    })),
    scannedAt: scannedAt.toISOString(),
  };
}

/** A space whose reads CMS did not answer: listed as unread with the reason, read again by a resumed scan. */
export function unreadResult(space: CoSpace & { id: string }, reason: string, scannedAt: Date): ScanResult {
  return {
    ...spaceFields(space, undefined),
    status: 'unread',
    summary: clip(reason, 1000),
    findings: [],
    roles: { host: 0, guest: 0 },
    paths: [],
    scannedAt: scannedAt.toISOString(),
  };
}
