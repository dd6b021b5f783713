import { defineErrors } from '../../infra/errors';

export const operationErrors = defineErrors({
  OPS_CENTRE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '运营中心不存在', en: 'Operation centre not found' },
  OPS_CENTRE_NAME_TAKEN: {
    kind: 'conflict',
    'zh-CN': '已有名为「{name}」的运营中心',
    en: 'An operation centre named “{name}” already exists',
  },
  OPS_REGION_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '地区代码 {code} 不存在，请从地区列表中选择',
    en: 'Region code {code} does not exist; choose one from the list',
  },
  OPS_REGION_OUTSIDE_TERRITORY: {
    kind: 'invalid',
    'zh-CN': '{region}不在您所在运营中心的责任片区内',
    en: '{region} is outside your operation centre’s territory',
  },
  OPS_MEMBER_ROLE_MISSING: {
    kind: 'invalid',
    'zh-CN': '该人员没有平台角色「{role}」，请先授予角色再加入运营中心',
    en: 'This person does not hold the staff role “{role}”; grant it before adding them to the centre',
  },
  OPS_ALREADY_MEMBER: {
    kind: 'conflict',
    'zh-CN': '该人员已以此身份属于一个运营中心',
    en: 'This person already belongs to an operation centre in this capacity',
  },
  OPS_NOT_IN_CENTRE: {
    kind: 'forbidden',
    'zh-CN': '您还没有加入任何运营中心，请联系运营中心负责人',
    en: 'You do not belong to an operation centre yet; ask the centre’s manager',
  },
  OPS_PERSON_NOT_IN_YOUR_CENTRE: {
    kind: 'not_found',
    'zh-CN': '该人员不是您负责的运营中心的{role}',
    en: 'This person is not a {role} of a centre you manage',
  },
  OPS_LEAD_NOT_FOUND: { kind: 'not_found', 'zh-CN': '线索不存在', en: 'Lead not found' },
  OPS_LEAD_DUPLICATE: {
    kind: 'conflict',
    'zh-CN': '统一社会信用代码 {creditCode} 已在线索「{companyName}」中登记',
    en: 'The credit code {creditCode} is already on the lead “{companyName}”',
  },
  OPS_LEAD_STATE_INVALID: {
    kind: 'conflict',
    'zh-CN': '线索当前为「{state}」，不能改为「{to}」',
    en: 'The lead is “{state}” and cannot become “{to}”',
  },
  OPS_ASSIGNMENT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '客户成功分配不存在', en: 'Assignment not found' },
  OPS_ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '组织不存在', en: 'Organisation not found' },
  OPS_ASSIGNMENT_OPEN: {
    kind: 'conflict',
    'zh-CN': '该组织已有进行中的客户成功经理分配',
    en: 'This organisation already has an open customer success assignment',
  },
  OPS_ASSIGNMENT_CLOSED: {
    kind: 'conflict',
    'zh-CN': '该组织已完成首笔交易，分配已结束，不能再记录协助',
    en: 'The organisation has made its first transaction; the assignment is closed and takes no more assists',
  },
  OPS_REPORT_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '{month} 的用户体验改进报告尚未生成',
    en: 'The experience report for {month} has not been generated',
  },
  OPS_REPORT_MONTH_FUTURE: {
    kind: 'invalid',
    'zh-CN': '{month} 尚未开始，不能生成报告',
    en: '{month} has not begun; no report can be generated',
  },
});
