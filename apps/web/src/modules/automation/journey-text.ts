import type { Journey, JourneyStep } from '@zhuhe/contracts';
import type { TFunction } from 'i18next';

/** 触发 in words: the event's name where we know it, else its code. */
export function triggerText(t: TFunction<'automation'>, trigger: Journey['trigger']): string {
  if (trigger.kind === 'schedule') return t('trigger.schedule', { days: trigger.reentryDays });
  const known = t(`events.${trigger.event}` as 'events.user.registered', { defaultValue: trigger.event });
  return t('trigger.event', { event: known });
}

/** 人群 in words: each condition set, or 所有人. */
export function segmentText(t: TFunction<'automation'>, segment: Journey['segment']): string {
  const parts: string[] = [];
  if (segment.withoutOrganisation) parts.push(t('segment.withoutOrganisation'));
  if (segment.businessRoles?.length) parts.push(`${t('segment.businessRoles')}: ${segment.businessRoles.join('/')}`);
  if (segment.regionPrefix) parts.push(`${t('segment.regionPrefix')}: ${segment.regionPrefix}`);
  if (segment.silentDays) parts.push(`${t('segment.silentDays')}: ${segment.silentDays}`);
  if (segment.newMerchantDays) parts.push(`${t('segment.newMerchantDays')}: ${segment.newMerchantDays}`);
  return parts.length ? parts.join('；') : t('segment.none');
}

/** One step in words; other steps are named by their position (第 2 步). */
export function stepText(t: TFunction<'automation'>, step: JourneyStep, steps: readonly JourneyStep[]): string {
  const target = (id: string | null) => {
    if (id === null) return t('steps.end');
    return t('steps.step', { n: steps.findIndex((s) => s.id === id) + 1 });
  };
  if (step.type === 'wait') return t('steps.wait', { hours: step.hours });
  if (step.type === 'condition')
    return t('steps.condition', {
      check: t(`steps.checks.${step.check}`),
      onTrue: target(step.onTrue),
      onFalse: target(step.onFalse),
    });
  const sla = step.channel === 'task' && step.slaHours ? ` · ${t('steps.slaHours')} ${step.slaHours}` : '';
  return `${t(`steps.channels.${step.channel}`)}：${step.title}${sla}`;
}
