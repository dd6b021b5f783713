CREATE TABLE "cost_thresholds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"material" text,
	"rise_pct" double precision NOT NULL,
	"within_months" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_warnings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"threshold_id" uuid NOT NULL,
	"material" text NOT NULL,
	"run_id" text NOT NULL,
	"series_id" uuid NOT NULL,
	"series_code" text NOT NULL,
	"last_month" text NOT NULL,
	"last_value" double precision NOT NULL,
	"peak_month" text NOT NULL,
	"peak_value" double precision NOT NULL,
	"rise" double precision NOT NULL,
	"demands" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gov_scopes" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_indices" (
	"scope" text NOT NULL,
	"engineering_type" text NOT NULL,
	"base_year" integer NOT NULL,
	"coverage" double precision NOT NULL,
	"basket" jsonb NOT NULL,
	"points" jsonb NOT NULL,
	"forecast" jsonb,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "price_indices_scope_engineering_type_pk" PRIMARY KEY("scope","engineering_type")
);
--> statement-breakpoint
CREATE INDEX "cost_thresholds_org_idx" ON "cost_thresholds" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cost_warnings_once_idx" ON "cost_warnings" USING btree ("threshold_id","material","run_id");--> statement-breakpoint
CREATE INDEX "cost_warnings_org_idx" ON "cost_warnings" USING btree ("org_id","created_at");