CREATE TABLE "points_accounts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"earned" bigint DEFAULT 0 NOT NULL,
	"redeemed" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_accounts_balance_nonneg" CHECK ("points_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"balance_after" bigint NOT NULL,
	"reason" text NOT NULL,
	"source_key" text NOT NULL,
	"reverses_id" uuid,
	"memo" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_entries_nonzero" CHECK ("points_entries"."points" <> 0),
	CONSTRAINT "points_entries_balance_nonneg" CHECK ("points_entries"."balance_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "referral_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"last_ip" text,
	"last_device_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_rewards" (
	"referral_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"voucher_id" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_rewards_referral_id_milestone_pk" PRIMARY KEY("referral_id","milestone")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"referrer_user_id" uuid NOT NULL,
	"referrer_org_id" uuid NOT NULL,
	"referred_user_id" uuid NOT NULL,
	"referred_org_id" uuid,
	"ip" text,
	"device_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher_redemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"voucher_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"use_no" integer NOT NULL,
	"charge_id" uuid NOT NULL,
	"discount_fen" bigint NOT NULL,
	"redeemed_by" uuid NOT NULL,
	"redeemed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"holder_org_id" uuid,
	"title" jsonb NOT NULL,
	"kind" text NOT NULL,
	"value_fen" bigint,
	"percent" integer,
	"max_discount_fen" bigint,
	"eligible_items" jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"uses_per_org" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vouchers_terms" CHECK (("vouchers"."kind" = 'amount' and "vouchers"."value_fen" > 0) or ("vouchers"."kind" = 'percent' and "vouchers"."percent" between 1 and 100)),
	CONSTRAINT "vouchers_uses_positive" CHECK ("vouchers"."uses_per_org" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_source_uq" ON "points_entries" USING btree ("source_key");--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_reverses_uq" ON "points_entries" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "points_entries_org_idx" ON "points_entries" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_codes_owner_uq" ON "referral_codes" USING btree ("user_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_referred_uq" ON "referrals" USING btree ("referred_user_id");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_org_id");--> statement-breakpoint
CREATE INDEX "referrals_referred_org_idx" ON "referrals" USING btree ("referred_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_redemptions_use_uq" ON "voucher_redemptions" USING btree ("voucher_id","org_id","use_no");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_redemptions_charge_uq" ON "voucher_redemptions" USING btree ("charge_id");--> statement-breakpoint
CREATE INDEX "voucher_redemptions_org_idx" ON "voucher_redemptions" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_code_uq" ON "vouchers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_source_uq" ON "vouchers" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "vouchers_holder_idx" ON "vouchers" USING btree ("holder_org_id");