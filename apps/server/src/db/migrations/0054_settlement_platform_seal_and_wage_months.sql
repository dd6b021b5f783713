CREATE TABLE "credit_wage_months" (
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"month" text NOT NULL,
	"paid" boolean NOT NULL,
	CONSTRAINT "credit_wage_months_org_id_contract_id_month_pk" PRIMARY KEY("org_id","contract_id","month")
);
--> statement-breakpoint
CREATE TABLE "wage_month_closures" (
	"month" text PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"contracts" integer NOT NULL,
	"unpaid" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_months" (
	"contract_id" uuid NOT NULL,
	"month" text NOT NULL,
	"payee_org_id" uuid NOT NULL,
	"gc_org_id" uuid NOT NULL,
	"contract_title" text NOT NULL,
	"log_days" integer NOT NULL,
	"peak_workers" integer NOT NULL,
	"worker_days" integer NOT NULL,
	"payouts" integer NOT NULL,
	"paid_fen" bigint NOT NULL,
	"paid" boolean NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wage_months_contract_id_month_pk" PRIMARY KEY("contract_id","month")
);
--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "platform_sealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "platform_seal_cert_sha256" text;--> statement-breakpoint
CREATE INDEX "wage_months_payee_idx" ON "wage_months" USING btree ("payee_org_id","month");--> statement-breakpoint
CREATE INDEX "wage_months_gc_idx" ON "wage_months" USING btree ("gc_org_id","month");