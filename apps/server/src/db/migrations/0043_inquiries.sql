CREATE TABLE "favourites" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_org_id" uuid NOT NULL,
	"target_org_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"title" text NOT NULL,
	"listing_id" uuid,
	"lines" jsonb NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_engagements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"viewed_at" timestamp with time zone,
	"quoted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"unit_prices_fen" jsonb,
	"total_fen" bigint,
	"delivery_days" integer,
	"valid_until" timestamp with time zone,
	"quote_note" text,
	"quoted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inquiry_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"accepted_by" uuid NOT NULL,
	"contract_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inquiry_engagements" ADD CONSTRAINT "inquiry_engagements_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_orders" ADD CONSTRAINT "inquiry_orders_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "favourites_target_uq" ON "favourites" USING btree ("org_id","user_id","kind","target_id");--> statement-breakpoint
CREATE INDEX "favourites_list_idx" ON "favourites" USING btree ("org_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_buyer_idx" ON "inquiries" USING btree ("buyer_org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_engagements_merchant_uq" ON "inquiry_engagements" USING btree ("inquiry_id","merchant_org_id");--> statement-breakpoint
CREATE INDEX "inquiry_engagements_inbox_idx" ON "inquiry_engagements" USING btree ("merchant_org_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_orders_inquiry_uq" ON "inquiry_orders" USING btree ("inquiry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_orders_no_uq" ON "inquiry_orders" USING btree ("order_no");