-- Custom SQL migration file, put your code below! --
-- Reference data for onboarding: merchant categories, the banned-claims list, the default policies.
-- Operators change all of it at run time (categories, terms) or through dual control (policies).
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('steel','钢材','Steel',false,0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('concrete','水泥与商品混凝土','Cement and ready-mix concrete',false,1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('machinery_rental','机械设备租赁','Machinery rental',true,2) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('labour_subcontracting','劳务分包','Labour subcontracting',true,3) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('curtain_wall','幕墙门窗','Curtain walls and windows',false,4) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('electrical','电气设备与线缆','Electrical equipment and cable',false,5) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('waterproofing','防水保温材料','Waterproofing and insulation',false,6) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('new_energy','新能源（光伏、储能）','New energy (PV, storage)',true,7) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('smart_building','智能建筑','Smart building',false,8) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('design_services','设计咨询','Design and consulting',false,9) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "merchant_categories" ("code","name_zh","name_en","key","position") VALUES ('supervision_services','工程监理','Construction supervision',false,10) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000001','国家级','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000002','世界级','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000003','最高级','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000004','最佳','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000005','最好','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000006','最优','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000007','最强','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000008','最低价','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000009','最便宜','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000010','第一','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000011','全网第一','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000012','唯一','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000013','首选','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000014','顶级','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000015','极品','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000016','绝对','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000017','万能','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000018','史无前例','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000019','独一无二','absolute_term','《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000020','高回报','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000021','零风险','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000022','无风险','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000023','稳赚','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000024','稳赚不赔','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000025','保本','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000026','保收益','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000027','一本万利','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000028','包中标','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000029','百分百中标','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000030','包过审','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "banned_terms" ("id","term","category","basis") VALUES ('01900000-0000-7000-8000-000000000031','躺赚','false_promise','《广告法》第二十五条、第二十八条：不得对未来效果、收益作保证性承诺或虚假宣传') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000001',1,'基础佣金率','base_rate','{"kind": "base_rate", "rateBp": 300}'::jsonb,true,'2025-01-01',NULL,'平台默认值，按需调整','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000002',1,'年度入驻费','entry_fee','{"kind": "entry_fee", "annualFeeFen": 600000}'::jsonb,true,'2025-01-01',NULL,'平台默认值，按需调整','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000003',1,'2025 年底前入驻首年免入驻费','entry_fee_waiver','{"kind": "entry_fee_waiver", "activatedBefore": "2026-01-01", "waivedYears": 1}'::jsonb,true,'2025-01-01',NULL,'招商方案：2025年12月31日前入驻的优质商家首年入驻费全额减免','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000004',1,'阶梯佣金优惠','sales_tier_discount','{"kind": "sales_tier_discount", "tiers": [{"minSalesFen": 0, "discountBp": 3000}, {"minSalesFen": 10000000, "discountBp": 2000}, {"minSalesFen": 50000000, "discountBp": 1000}]}'::jsonb,true,'2025-01-01',NULL,'招商方案：10万以下减30%，50万以下减20%，100万以上减10%；50–100万按“50万及以上减10%–20%”取10%','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000005',1,'重点品类佣金减半 6 个月','category_promotion','{"kind": "category_promotion", "categoryCodes": ["new_energy", "smart_building"], "discountBp": 5000, "months": 6}'::jsonb,true,'2025-01-01',NULL,'招商方案：新能源、智能家居等重点品类额外享受6个月佣金减半','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "commission_policy_versions" ("policy_id","version","name","kind","params","active","effective_from","effective_to","note","recorded_at") VALUES ('01900000-0000-7000-9000-000000000006',1,'新商家 3 个月流量扶持','new_merchant_boost','{"kind": "new_merchant_boost", "boostBp": 2000, "months": 3}'::jsonb,true,'2025-01-01',NULL,'招商方案：新入驻商家3个月搜索加权','2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;
