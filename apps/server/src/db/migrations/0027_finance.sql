CREATE TABLE "finance_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"fin_org_id" uuid NOT NULL,
	"applicant_org_id" uuid NOT NULL,
	"applicant_user_id" uuid NOT NULL,
	"asset_kind" text NOT NULL,
	"asset_key" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" text,
	"base_fen" bigint NOT NULL,
	"requested_fen" bigint NOT NULL,
	"term_days" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decision_due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"reject_reason" text,
	"approved_fen" bigint,
	"fee_bp" integer,
	"fee_fen" bigint,
	"disbursed_at" timestamp with time zone,
	"disbursement_transfer_id" uuid,
	"target_account_id" uuid,
	"due_date" date,
	"repaid_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_through" date,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "finance_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fin_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"min_ratio_bp" integer NOT NULL,
	"max_ratio_bp" integer NOT NULL,
	"fee_bp" integer NOT NULL,
	"fee_basis" text NOT NULL,
	"min_grade" text NOT NULL,
	"regions" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"aaa_discount_bp" integer NOT NULL,
	"decision_days" integer NOT NULL,
	"max_term_days" integer NOT NULL,
	"penalty_bp_per_day" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_repayments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"release_id" uuid,
	"transfer_id" uuid,
	"source" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "finance_applications_asset_live_idx" ON "finance_applications" USING btree ("asset_key") WHERE status in ('submitted', 'disbursed', 'overdue');--> statement-breakpoint
CREATE INDEX "finance_applications_fin_idx" ON "finance_applications" USING btree ("fin_org_id","status");--> statement-breakpoint
CREATE INDEX "finance_applications_applicant_idx" ON "finance_applications" USING btree ("applicant_org_id");--> statement-breakpoint
CREATE INDEX "finance_applications_contract_idx" ON "finance_applications" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "finance_products_fin_idx" ON "finance_products" USING btree ("fin_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_repayments_release_idx" ON "finance_repayments" USING btree ("application_id","release_id");--> statement-breakpoint
CREATE INDEX "finance_repayments_app_idx" ON "finance_repayments" USING btree ("application_id");