/** The guest/host wizard engine (issue 4): read → pre-flight → plan → apply/rollback → verify; no React. */
export { applyPlan, fillRefs, rollback, type ApplyOptions } from './apply';
export { MASK, toCurl, type CurlOptions } from './curl';
export { failureIssues } from './failures';
export { DEFAULT_DOMAIN, joinCards } from './join-cards';
export { planWizard, type PlanOptions } from './plan';
export { preflight, type PreflightOptions } from './preflight';
export { readCurrentState, readSpaceSnapshot, type ReadCurrentInput } from './read-current';
export type * from './types';
export { verifyWizard, type Verification, type VerifiedObject, type VerifyOptions } from './verify';
