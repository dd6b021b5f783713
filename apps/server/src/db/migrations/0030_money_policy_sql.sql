-- Issue 12 item 13: the money policy in the versioned policy system (commission_policy_versions).
-- 平台服务费 platform fee: 0.2% of each gross escrow release, as a policy staff can version under dual control.
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000007',1,'平台服务费','platform_fee','{"kind": "platform_fee", "rateBp": 20}'::jsonb,true,'2025-01-01',NULL,'资金监管增值服务费：每笔放款总额的 0.2%，由收款方承担（FUND-7）','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- 阶梯佣金优惠 version 2: seed 000 says "50万以下减20%，100万以上减10%"; version 1 applied 10% from ¥500k. The choice:
-- the 20% tier runs up to ¥1M and 10% applies from ¥1M (a merchant between ¥500k and ¥1M keeps the larger
-- discount). Version 1 stays as history, so a calculation "as of" an earlier instant reproduces the old figure.
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000004',2,'阶梯佣金优惠','sales_tier_discount','{"kind": "sales_tier_discount", "tiers": [{"minSalesFen": 0, "discountBp": 3000}, {"minSalesFen": 10000000, "discountBp": 2000}, {"minSalesFen": 100000000, "discountBp": 1000}]}'::jsonb,true,'2025-01-01',NULL,'招商方案：10万以下减30%，10万–100万减20%，100万及以上减10%（50–100万按减20%执行，与招商方案“100万以上减10%”一致；如需调整请新建版本）','2026-12-05T00:00:00Z') ON CONFLICT DO NOTHING;
