import { z } from 'zod';
import type { ChangePlan, ChangeStep } from '../../api/changes/types';
import { accessMethodTemplateParams, coSpaceTemplateParams } from '../../api/params/co-space-template';
import type { ParamTable } from '../../api/params/param-def';
import type { AccessMethodTemplate, CoSpaceTemplate, LdapUserCoSpaceTemplateSource } from '../../api/params/schemas';
import { formatValue, parseFormValue } from '../../api/params/schema';
import { formatProblem } from '../../api/params/write-schema';
import { beforeValues, putFormFromWire } from '../../api/resources/operations';

type WithId<T> = T & { id: string };

/** What the Templates page edits: a template, or one of its access method templates. */
export type TemplateTarget =
  | { kind: 'template'; item: WithId<CoSpaceTemplate> }
  | { kind: 'accessMethodTemplate'; templateId: string; item: WithId<AccessMethodTemplate> };

/** The fields each form offers, in the order shown (every writable parameter of the table). */
export const TEMPLATE_FIELDS = {
  template: ['name', 'description', 'callLegProfile', 'callProfile', 'dialInSecurityProfile'],
  accessMethodTemplate: ['name', 'uriGenerator', 'callLegProfile', 'generateUniqueCallId', 'dialInSecurityProfile'],
} as const satisfies Record<TemplateTarget['kind'], readonly string[]>;

const TABLES: Record<TemplateTarget['kind'], ParamTable> = { template: coSpaceTemplateParams, accessMethodTemplate: accessMethodTemplateParams };

export const tableOf = (target: TemplateTarget): ParamTable => TABLES[target.kind];
export const fieldsOf = (target: TemplateTarget): readonly string[] => TEMPLATE_FIELDS[target.kind];

/** Every field as text: '' is unset. */
export type TemplateValues = Record<string, string>;

export function currentValues(target: TemplateTarget): TemplateValues {
  const now: Readonly<Record<string, unknown>> = target.item;
  return Object.fromEntries(
    fieldsOf(target).map((name) => {
      const value = now[name];
      return [name, typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? formatValue(value) : ''];
    }),
  );
}

/** The form's schema from the parameter table: each value as CMS would take it, '' unsets. */
export function editSchema(target: TemplateTarget): z.ZodType<TemplateValues, TemplateValues> {
  const table = tableOf(target);
  return z.object(
    Object.fromEntries(
      fieldsOf(target).map((name) => {
        const def = table[name];
        return [
          name,
          z
            .string()
            .trim()
            .superRefine((text, ctx) => {
              if (!def || text === '') return;
              const parsed = parseFormValue(def, text);
              if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `The ${name} ${formatProblem(def, parsed.error)}.` });
            }),
        ];
      }),
    ),
  );
}

/** Only what the admin changed: a PUT never carries a field nobody touched. */
export function changedFields(before: TemplateValues, after: TemplateValues): TemplateValues {
  return Object.fromEntries(
    Object.entries(after)
      .filter(([name, value]) => value.trim() !== (before[name] ?? ''))
      .map(([name, value]) => [name, value.trim()]),
  );
}

export function targetLabel(target: TemplateTarget): string {
  if (target.kind === 'template') return `template “${target.item.name ?? target.item.id}”`;
  return `access method template “${target.item.name || target.item.uriGenerator || target.item.id}”`;
}

export function targetPath(target: TemplateTarget): string {
  if (target.kind === 'template') return `/api/v1/coSpaceTemplates/${target.item.id}`;
  return `/api/v1/coSpaceTemplates/${target.templateId}/accessMethodTemplates/${target.item.id}`;
}

function editStep(target: TemplateTarget, changed: TemplateValues): ChangeStep {
  const title = `Change ${Object.keys(changed).join(', ')} of the ${targetLabel(target)}`;
  if (target.kind === 'template') {
    const form = putFormFromWire(coSpaceTemplateParams, changed);
    return { key: 'template', title, operation: { op: 'updateCoSpaceTemplate', template: target.item.id, form, before: beforeValues(coSpaceTemplateParams, target.item, form) } };
  }
  const form = putFormFromWire(accessMethodTemplateParams, changed);
  return {
    key: 'accessMethodTemplate',
    title,
    operation: {
      op: 'updateAccessMethodTemplate',
      template: target.templateId,
      accessMethodTemplate: target.item.id,
      form,
      before: beforeValues(accessMethodTemplateParams, target.item, form),
    },
  };
}

/** One PUT of exactly the changed fields, journaled as the Templates page's edit. */
export function editPlan(target: TemplateTarget, changed: TemplateValues): ChangePlan {
  return { origin: { kind: 'page', name: `templates/edit-${target.kind}` }, title: `Edit the ${targetLabel(target)}`, steps: [editStep(target, changed)] };
}

/** What CMS deletes with a template: its access method templates, the users' assignments of it and its LDAP sources. */
export interface TemplateContents {
  accessMethodTemplates: ReadonlyArray<{ id: string }>;
  /** assignments made through the API; an LDAP sync's own (autoGenerated) cannot be withdrawn one by one */
  assignments: ReadonlyArray<{ userId: string; id: string; userJid?: string | undefined }>;
  ldapSources: ReadonlyArray<WithId<LdapUserCoSpaceTemplateSource>>;
}

/**
 * A template's delete: what goes with it is deleted one by one first (CMS would remove it with the
 * template), so the journal holds each one's values and undo brings the template back whole.
 */
export function deleteTemplatePlan(template: WithId<CoSpaceTemplate>, contents: TemplateContents): ChangePlan {
  const label = `template “${template.name ?? template.id}”`;
  const steps: ChangeStep[] = [
    ...contents.assignments.map(
      (a): ChangeStep => ({
        key: `withdraw:${a.id}`,
        title: `Withdraw the ${label} from ${a.userJid ?? a.userId}`,
        operation: { op: 'withdrawCoSpaceTemplate', user: a.userId, assignment: a.id },
      }),
    ),
    ...contents.ldapSources.map(
      (s): ChangeStep => ({ key: `ldap:${s.id}`, title: `Delete the LDAP source ${s.ldapSource ?? s.id} of the ${label}`, operation: { op: 'deleteLdapTemplateSource', source: s.id } }),
    ),
    ...contents.accessMethodTemplates.map(
      (m): ChangeStep => ({
        key: `amt:${m.id}`,
        title: `Delete access method template ${m.id} of the ${label}`,
        operation: { op: 'deleteAccessMethodTemplate', template: template.id, accessMethodTemplate: m.id },
      }),
    ),
    { key: 'template', title: `Delete the ${label}`, operation: { op: 'deleteCoSpaceTemplate', template: template.id } },
  ];
  return { origin: { kind: 'page', name: 'templates/delete' }, title: `Delete the ${label}`, steps };
}

export function deleteAccessMethodTemplatePlan(templateId: string, item: WithId<AccessMethodTemplate>): ChangePlan {
  const target: TemplateTarget = { kind: 'accessMethodTemplate', templateId, item };
  return {
    origin: { kind: 'page', name: 'templates/delete-access-method-template' },
    title: `Delete the ${targetLabel(target)}`,
    steps: [{ key: 'amt', title: `Delete the ${targetLabel(target)}`, operation: { op: 'deleteAccessMethodTemplate', template: templateId, accessMethodTemplate: item.id } }],
  };
}

export function assignPlan(template: WithId<CoSpaceTemplate>, users: ReadonlyArray<{ id: string; userJid?: string | undefined }>): ChangePlan {
  return {
    origin: { kind: 'page', name: 'templates/assign' },
    title: `Give the template “${template.name ?? template.id}” to ${users.map((u) => u.userJid ?? u.id).join(', ')}`.slice(0, 200),
    steps: users.map((u) => ({
      key: `assign:${u.id}`,
      title: `Give ${u.userJid ?? u.id} the template “${template.name ?? template.id}”`,
      operation: { op: 'assignCoSpaceTemplate', user: u.id, form: { coSpaceTemplate: template.id } },
    })),
  };
}

export function withdrawPlan(template: WithId<CoSpaceTemplate>, assignment: { userId: string; id: string; userJid?: string | undefined }): ChangePlan {
  const title = `Withdraw the template “${template.name ?? template.id}” from ${assignment.userJid ?? assignment.userId}`;
  return { origin: { kind: 'page', name: 'templates/withdraw' }, title, steps: [{ key: 'withdraw', title, operation: { op: 'withdrawCoSpaceTemplate', user: assignment.userId, assignment: assignment.id } }] };
}

export const ldapSourceSchema = z.object({
  ldapSource: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'Enter the id of the LDAP source (/ldapSources/<id>) that finds the users.' }),
  filter: z.string().trim(),
});
export type LdapSourceValues = z.input<typeof ldapSourceSchema>;

export function ldapSourcePlan(template: WithId<CoSpaceTemplate>, values: z.output<typeof ldapSourceSchema>): ChangePlan {
  const title = `Give the template “${template.name ?? template.id}” to the users of LDAP source ${values.ldapSource}`;
  return {
    origin: { kind: 'page', name: 'templates/ldap-source' },
    title,
    steps: [
      {
        key: 'ldap',
        title,
        operation: { op: 'createLdapTemplateSource', form: { coSpaceTemplate: template.id, ldapSource: values.ldapSource, ...(values.filter === '' ? {} : { filter: values.filter }) } },
      },
    ],
  };
}

export function deleteLdapSourcePlan(template: WithId<CoSpaceTemplate>, source: WithId<LdapUserCoSpaceTemplateSource>): ChangePlan {
  const title = `Stop giving the template “${template.name ?? template.id}” to the users of LDAP source ${source.ldapSource ?? source.id}`;
  return { origin: { kind: 'page', name: 'templates/ldap-source' }, title, steps: [{ key: 'ldap', title, operation: { op: 'deleteLdapTemplateSource', source: source.id } }] };
}
