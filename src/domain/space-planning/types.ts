import type { WriteMethod } from '../../api/resources/operation-facts';
import type { Operation } from '../../api/resources/operations';
import type { CmsError } from '../../api/transport/errors';
import type { ChangeLedger, RunStop, WriteStatus } from '../../api/changes/types';
import type { WizardPath } from './wizard-schema';
import type { AccessMethod, CallLegProfile, CallProfile, CoSpace, CoSpaceUser, SystemProfiles, Tenant } from '../../api/params/schemas';

type WithId<T> = T & { id: string };

/** One space as the wizard sees it: the space (full GET), every access method and member (full GETs). */
export interface SpaceSnapshot {
  space: WithId<CoSpace>;
  accessMethods: Array<WithId<AccessMethod>>;
  members: Array<WithId<CoSpaceUser>>;
}

/** What exists on CMS now, read before anything is planned (`readCurrentState`). */
export interface CurrentState {
  /** `space.mode === 'existing'`: the space picked; undefined when CMS has no such space */
  space?: SpaceSnapshot;
  /**
   * `space.mode === 'create'`: spaces whose primary URI already is the one asked for. The plan adopts
   * one only when it already has every value the wizard would give it (a previous run of the same
   * wizard made it); otherwise pre-flight reports the URI as taken.
   */
  sameUriSpaces: SpaceSnapshot[];
  /** every callLegProfile with its settings (full GETs when the list is sparse): for pickers and reuse */
  callLegProfiles: Array<WithId<CallLegProfile>>;
  /** the profiles picked with mode 'existing' (undefined: CMS has no such profile) */
  guestProfile?: WithId<CallLegProfile>;
  hostProfile?: WithId<CallLegProfile>;
  /** scenario 3: every callProfile, and the one picked with mode 'existing' */
  callProfiles: Array<WithId<CallProfile>>;
  callProfile?: WithId<CallProfile>;
  /** the tenants that matter: the one picked for tenant scope, and the existing space's own */
  tenants: Record<string, WithId<Tenant>>;
  systemProfiles: SystemProfiles;
  /** how many spaces a broader guest-profile attachment reaches (CMS totals) */
  reach: {
    /** spaces of the chosen tenant (`tenantFilter`), tenant scope only */
    tenant?: { tenantId: string; spaces: number };
    /** every space on CMS */
    system: { spaces: number };
  };
  /** ids the input names that CMS answered 404 for: 'space', 'guestProfile', 'hostProfile', 'callProfile', 'tenant' */
  missing: string[];
}

/** A problem found before writing, shown on a form field ('space.uri', 'access.passcode'…); '' is about the whole form. */
export interface FieldIssue {
  field: WizardPath | '';
  message: string;
}

/** One write of a plan: a typed operation, the key the review and the progress know it by, and the ref its POST fills. */
export interface PlannedStep {
  /** stable within a plan: 'guestProfile', 'space', 'accessMethod', 'member:user1@…' */
  key: string;
  /** plain words: "Create the host call leg profile" */
  title: string;
  operation: Operation;
  /** POST: the ref name the new object's id (from Location) is stored under */
  creates?: string;
}

/** A planned step as the review shows it: the exact request, in wire text. */
export interface PlannedRequest {
  key: string;
  title: string;
  method: WriteMethod;
  /** relative to /api/v1; `{ref}` stands for the id an earlier POST of this plan creates */
  path: string;
  /** the exact form body: only fields that change; '' unsets; values may hold `{ref}` */
  form: Record<string, string>;
  creates?: string;
  /** PUT: the previous values of exactly the fields sent ('' where previously unset) */
  restore?: Record<string, string>;
  /** form keys whose values are masked until revealed */
  sensitive: string[];
}

export interface JoinCard {
  role: 'guest' | 'host';
  title: string;
  /** who dials what: URI@domain, call ID, PIN */
  lines: string[];
}

export interface WizardPlan {
  /** what apply sends, in order */
  steps: PlannedStep[];
  /** the same, as the review shows them */
  requests: PlannedRequest[];
  /** ids already known when planning (existing or reused objects), keyed like refs: space, guestProfile… */
  ids: Record<string, string>;
  /** plain sentences about what is reused or left alone, for the review step */
  notes: string[];
}

/** A write's progress or end, keyed like the plan's requests: what the change engine reports. */
export interface ProgressEvent {
  key: string;
  status: WriteStatus;
}

export interface ApplyOutcome {
  /** every step took effect */
  ok: boolean;
  /** ref → id of every object this run created */
  refs: Record<string, string>;
  /** the steps whose write took effect, in order, as sent (`{ref}`s filled in) */
  done: Array<{ request: PlannedRequest; operation: Operation; id?: string }>;
  /** the step the run stopped at, and why; `error` when CMS refused it or it was not sent */
  failed?: { request: PlannedRequest; operation: Operation; stop: RunStop; error?: CmsError };
  /** what the change engine knows about the run: every write, CMS's answers, the reads that settled lost ones */
  ledger: ChangeLedger;
}
