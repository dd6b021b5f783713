CREATE TABLE "fee_charges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"category" text NOT NULL,
	"schedule_version" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"base_fen" bigint,
	"list_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"exempt" boolean NOT NULL,
	"reference" text NOT NULL,
	"period" text NOT NULL,
	"charged_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"receipt_id" uuid,
	CONSTRAINT "fee_charges_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "fee_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"receipt_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"exempt_fen" bigint NOT NULL,
	"charge_count" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	CONSTRAINT "fee_receipts_receipt_no_unique" UNIQUE("receipt_no")
);
--> statement-breakpoint
CREATE TABLE "fee_schedule_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"seed_user_limit" integer NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"approved_by" uuid,
	"dual_control_request_id" uuid
);
--> statement-breakpoint
CREATE TABLE "reserve_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"contract_id" uuid,
	"cause" text NOT NULL,
	"loss_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"recovered_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"request_id" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"payout_transfer_id" uuid,
	CONSTRAINT "reserve_claims_claim_no_unique" UNIQUE("claim_no"),
	CONSTRAINT "reserve_claims_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "reserve_recoveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"transfer_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reserve_recoveries" ADD CONSTRAINT "reserve_recoveries_claim_id_reserve_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."reserve_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_charges_org_period_idx" ON "fee_charges" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "fee_charges_charged_idx" ON "fee_charges" USING btree ("charged_at");--> statement-breakpoint
CREATE INDEX "fee_receipts_org_idx" ON "fee_receipts" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "reserve_claims_status_idx" ON "reserve_claims" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "reserve_recoveries_claim_idx" ON "reserve_recoveries" USING btree ("claim_id");