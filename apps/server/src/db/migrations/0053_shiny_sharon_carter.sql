ALTER TABLE "settlements" ADD COLUMN "platform_sealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "platform_seal_cert_sha256" text;