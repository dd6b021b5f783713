CREATE TABLE "escrow_bond_policies" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL,
	"insurer_org_id" uuid NOT NULL,
	"insured_fen" bigint NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL,
	"insurer_org_id" uuid NOT NULL,
	"beneficiary_org_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"reject_reason" text,
	"payout_transfer_id" uuid
);
--> statement-breakpoint
CREATE TABLE "insurance_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy_no" text NOT NULL,
	"product_id" uuid NOT NULL,
	"insurer_org_id" uuid NOT NULL,
	"holder_org_id" uuid NOT NULL,
	"beneficiary_org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"bond_required_fen" bigint NOT NULL,
	"insured_fen" bigint NOT NULL,
	"premium_bp" integer NOT NULL,
	"premium_fen" bigint NOT NULL,
	"premium_transfer_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text NOT NULL,
	"file_id" uuid NOT NULL,
	"pdf_sha256" text NOT NULL,
	"evidence_index" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"insurer_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"premium_bp" integer NOT NULL,
	"coverage_bp" integer NOT NULL,
	"max_insured_fen" bigint NOT NULL,
	"min_grade" text NOT NULL,
	"regions" jsonb NOT NULL,
	"term_days" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "escrow_bond_policies_policy_idx" ON "escrow_bond_policies" USING btree ("policy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_claims_open_idx" ON "insurance_claims" USING btree ("policy_id") WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "insurance_claims_insurer_idx" ON "insurance_claims" USING btree ("insurer_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policies_no_idx" ON "insurance_policies" USING btree ("policy_no");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policies_contract_live_idx" ON "insurance_policies" USING btree ("contract_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "insurance_policies_insurer_idx" ON "insurance_policies" USING btree ("insurer_org_id");--> statement-breakpoint
CREATE INDEX "insurance_policies_holder_idx" ON "insurance_policies" USING btree ("holder_org_id");--> statement-breakpoint
CREATE INDEX "insurance_policies_beneficiary_idx" ON "insurance_policies" USING btree ("beneficiary_org_id");--> statement-breakpoint
CREATE INDEX "insurance_products_insurer_idx" ON "insurance_products" USING btree ("insurer_org_id");