CREATE TABLE "price_forecasts" (
	"series_id" uuid PRIMARY KEY NOT NULL,
	"base_month" text NOT NULL,
	"method" text NOT NULL,
	"backtest_error" double precision,
	"naive_backtest_error" double precision,
	"backtest_origins" integer NOT NULL,
	"points" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"imported_by" uuid,
	"accepted" integer NOT NULL,
	"rejected" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_points" (
	"series_id" uuid NOT NULL,
	"month" text NOT NULL,
	"value" double precision NOT NULL,
	"import_id" uuid NOT NULL,
	CONSTRAINT "price_points_series_id_month_pk" PRIMARY KEY("series_id","month")
);
--> statement-breakpoint
CREATE TABLE "price_series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"material" text,
	"region_code" text,
	"unit" text NOT NULL,
	"title" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_series_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "procurement_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"view" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_price_breaks" (
	"listing_id" uuid NOT NULL,
	"min_quantity" double precision NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	CONSTRAINT "procurement_price_breaks_listing_id_min_quantity_pk" PRIMARY KEY("listing_id","min_quantity")
);
--> statement-breakpoint
CREATE TABLE "procurement_supplier_terms" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"min_order_fen" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "price_series_material_idx" ON "price_series" USING btree ("material","region_code");--> statement-breakpoint
CREATE INDEX "procurement_plans_demand_idx" ON "procurement_plans" USING btree ("demand_id","created_at");