import type { ParamValue } from '../../api/params/param-def';

export type Values = Record<string, ParamValue>;

export type EntityKind =
  | 'coSpace'
  | 'accessMethod'
  | 'coSpaceUser'
  | 'callLegProfile'
  | 'callProfile'
  | 'tenant'
  | 'user'
  | 'callBridge'
  | 'call'
  | 'callLeg'
  | 'cospaceBulkParameterSet'
  | 'cospaceBulkSync'
  | 'dialInSecurityProfile'
  | 'inboundDialPlanRule'
  | 'ivr'
  | 'webBridge'
  | 'callBrandingProfile'
  | 'ivrBrandingProfile'
  | 'dtmfProfile'
  | 'compatibilityProfile'
  | 'layoutTemplate'
  | 'tenantGroup'
  | 'callBridgeGroup'
  | 'alarm'
  | 'diagnostics'
  | 'coSpaceTemplate'
  | 'accessMethodTemplate'
  | 'userCoSpaceTemplate'
  | 'ldapUserCoSpaceTemplateSource';

export interface Entity {
  id: string;
  kind: EntityKind;
  /** owning object: the coSpace of an accessMethod/coSpaceUser, the call of a callLeg, the template of an accessMethodTemplate, the user of a userCoSpaceTemplate */
  parent?: string;
  values: Values;
  /** bookkeeping CMS keeps but does not print (e.g. which bulk set made a space) */
  meta: Record<string, string>;
}

/** In-memory CMS database: insertion-ordered like CMS's own lists, ids are lowercase GUIDs. */
export class Store {
  private readonly tables = new Map<EntityKind, Map<string, Entity>>();
  systemProfiles: Values = {};
  maxActiveLegs = 0;
  completedLegs = 0;
  /** CDR records written (a call or leg starting or ending), as `cdrCorrelatorIndex` counts them */
  cdrRecords = 0;
  readonly startedAt = Date.now();
  readonly hostId: string;
  /** a single server is a cluster of one, with an id of its own */
  readonly clusterId: string;

  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {
    this.hostId = newId();
    this.clusterId = newId();
  }

  /** `maxCallLegs` of a call: the most legs it has had at once */
  private countLegOfCall(callId: string): void {
    const call = this.table('call').get(callId);
    if (!call) return;
    const now = [...this.table('callLeg').values()].filter((l) => l.parent === callId).length + 1;
    call.meta.maxLegs = String(Math.max(Number(call.meta.maxLegs ?? 0), now));
  }

  private countCdr(kind: EntityKind): void {
    if (kind === 'call' || kind === 'callLeg') this.cdrRecords += 1;
  }

  table(kind: EntityKind): Map<string, Entity> {
    let t = this.tables.get(kind);
    if (!t) {
      t = new Map();
      this.tables.set(kind, t);
    }
    return t;
  }

  private readonly snapshots = new Map<EntityKind, Entity[]>();

  /** A snapshot of one kind in insertion order; cached until that kind changes, since lists are paged often. */
  all(kind: EntityKind, parent?: string): Entity[] {
    let rows = this.snapshots.get(kind);
    if (!rows) {
      rows = [...this.table(kind).values()];
      this.snapshots.set(kind, rows);
    }
    return parent === undefined ? rows : rows.filter((e) => e.parent === parent);
  }

  get(kind: EntityKind, id: string, parent?: string): Entity | undefined {
    const e = this.table(kind).get(id.toLowerCase());
    if (!e || (parent !== undefined && e.parent !== parent)) return undefined;
    return e;
  }

  insert(kind: EntityKind, values: Values, options: { id?: string; parent?: string; meta?: Record<string, string> } = {}): Entity {
    const id = (options.id ?? this.newId()).toLowerCase();
    const entity: Entity = { id, kind, values, meta: { createdAt: String(Date.now()), ...options.meta } };
    if (options.parent !== undefined) entity.parent = options.parent;
    if (kind === 'callLeg' && options.parent !== undefined) this.countLegOfCall(options.parent);
    this.table(kind).set(id, entity);
    this.snapshots.delete(kind);
    this.countCdr(kind);
    return entity;
  }

  delete(kind: EntityKind, id: string): boolean {
    this.snapshots.delete(kind);
    const deleted = this.table(kind).delete(id.toLowerCase());
    if (deleted) this.countCdr(kind);
    return deleted;
  }

  clear(): void {
    this.tables.clear();
    this.snapshots.clear();
    this.systemProfiles = {};
    this.maxActiveLegs = 0;
    this.completedLegs = 0;
    this.cdrRecords = 0;
  }
}
