/** A dial-in security profile as the check needs it. */
export interface PinRule {
  id: string;
  name?: string;
  minPasscodeLength?: number;
}

/** Where a profile may be attached, most specific first: access method, space, tenant, system. */
export interface PinRuleChain {
  accessMethod?: string;
  space?: string;
  tenant?: string;
  system?: string;
}

export interface EffectivePinRule {
  rule: PinRule;
  level: keyof PinRuleChain;
}

/** The dial-in security profile CMS applies: the most specific level that names an existing one. */
export function effectivePinRule(chain: PinRuleChain, rules: readonly PinRule[]): EffectivePinRule | undefined {
  for (const level of ['accessMethod', 'space', 'tenant', 'system'] as const) {
    const id = chain[level]?.toLowerCase();
    const rule = id ? rules.find((r) => r.id.toLowerCase() === id) : undefined;
    if (rule) return { rule, level };
  }
  return undefined;
}

const WHERE: Record<keyof PinRuleChain, string> = {
  accessMethod: 'on this access method',
  space: 'on the space',
  tenant: "on the space's tenant",
  system: 'for the whole system',
};

/**
 * The plain sentence for a PIN CMS would refuse with passcodeTooShort, or undefined when it is
 * long enough. An empty PIN (no PIN at all) is not checked: CMS names only too-short passcodes.
 */
export function pinTooShort(pin: string, effective: EffectivePinRule | undefined, who: string): string | undefined {
  const min = effective?.rule.minPasscodeLength;
  if (!effective || pin === '' || min === undefined || pin.length >= min) return undefined;
  const name = effective.rule.name ? `“${effective.rule.name}”` : effective.rule.id;
  return `${who} PIN ${pin} has ${pin.length} ${pin.length === 1 ? 'digit' : 'digits'}, but CMS requires at least ${min} here (dial-in security profile ${name}, set ${WHERE[effective.level]}). Choose a PIN of ${min} digits or more.`;
}
