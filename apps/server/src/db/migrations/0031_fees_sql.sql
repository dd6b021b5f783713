-- FUND-7 收费标准 version 1 at launch: basic services free; value-added services priced; the first 1,000
-- organisations registered (seed-user plan) are exempt from basic fees should basic items ever be priced.
-- escrow_service is what escrow's platform_fee policy takes from each release (recorded as collected).
INSERT INTO "fee_schedule_versions" ("version","items","seed_user_limit","effective_from","note","recorded_at") VALUES (1,'[
 {"code": "basic_annual", "name": {"zh-CN": "基础服务年费", "en": "Basic services (annual)"}, "category": "basic", "unit": "per_year", "priceFen": 0, "rateBp": null},
 {"code": "finance_service_share", "name": {"zh-CN": "金融服务费分成", "en": "Finance service fee share"}, "category": "value_added", "unit": "share_of_base", "priceFen": null, "rateBp": 2000},
 {"code": "premium_report", "name": {"zh-CN": "高级信用报告", "en": "Premium credit report"}, "category": "value_added", "unit": "per_report", "priceFen": 19900, "rateBp": null},
 {"code": "featured_placement", "name": {"zh-CN": "推荐位展示", "en": "Featured placement"}, "category": "value_added", "unit": "per_week", "priceFen": 99900, "rateBp": null},
 {"code": "escrow_service", "name": {"zh-CN": "资金监管服务费", "en": "Escrow service fee"}, "category": "value_added", "unit": "share_of_base", "priceFen": null, "rateBp": 20}
]'::jsonb,1000,'2025-01-01','上线收费标准：基础服务免费；增值服务收费；前 1000 家入驻单位为种子用户，永久免收基础服务费','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
