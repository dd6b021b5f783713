CREATE TABLE "merchant_sales" (
	"org_id" uuid NOT NULL,
	"settlement_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_sales_org_id_settlement_id_pk" PRIMARY KEY("org_id","settlement_id")
);
--> statement-breakpoint
CREATE TABLE "tier_transactions" (
	"org_id" uuid NOT NULL,
	"settlement_id" uuid NOT NULL,
	"role" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tier_transactions_org_id_settlement_id_pk" PRIMARY KEY("org_id","settlement_id")
);
--> statement-breakpoint
CREATE INDEX "merchant_sales_sold_at" ON "merchant_sales" USING btree ("sold_at");--> statement-breakpoint
CREATE INDEX "tier_transactions_completed" ON "tier_transactions" USING btree ("completed_at");