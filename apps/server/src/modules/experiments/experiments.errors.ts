import { defineErrors } from '../../infra/errors';

export const experimentErrors = defineErrors({
  EXPERIMENT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '实验不存在', en: 'Experiment not found' },
  EXPERIMENT_KEY_TAKEN: {
    kind: 'conflict',
    'zh-CN': '实验标识“{key}”已被使用，请换一个',
    en: 'The experiment key "{key}" is already in use',
  },
  /** the variants' weights must add up to exactly 100% */
  EXPERIMENT_WEIGHTS_INVALID: {
    kind: 'invalid',
    'zh-CN': '各变体的流量权重合计须为 100%（当前为 {sum}%）',
    en: "The variants' weights must add up to 100% (they add up to {sum}%)",
  },
  EXPERIMENT_VARIANT_KEYS_DUPLICATE: {
    kind: 'invalid',
    'zh-CN': '变体标识不能重复',
    en: 'Variant keys must be unique',
  },
  EXPERIMENT_GUARDRAIL_IS_GOAL: {
    kind: 'invalid',
    'zh-CN': '护栏指标不能与目标指标相同',
    en: 'A guardrail metric cannot be the goal metric',
  },
  /** draft → running → stopped | shipped; stopped → shipped */
  EXPERIMENT_TRANSITION_INVALID: {
    kind: 'conflict',
    'zh-CN': '实验当前状态为“{from}”，不能变更为“{to}”',
    en: 'An experiment that is {from} cannot become {to}',
  },
  EXPERIMENT_SURFACE_BUSY: {
    kind: 'conflict',
    'zh-CN': '该位置已有运行中的实验“{key}”，请先停止它',
    en: 'The experiment "{key}" is already running on this surface; stop it first',
  },
  EXPERIMENT_VARIANT_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '实验中没有变体“{variant}”',
    en: 'The experiment has no variant "{variant}"',
  },
  EXPERIMENT_NOT_RUNNING: {
    kind: 'conflict',
    'zh-CN': '实验未在运行，不能记录曝光',
    en: 'The experiment is not running; exposures cannot be recorded',
  },
  EXPERIMENT_NOT_STARTED: {
    kind: 'conflict',
    'zh-CN': '实验尚未开始，暂无结果',
    en: 'The experiment has not started; there are no results yet',
  },
});
