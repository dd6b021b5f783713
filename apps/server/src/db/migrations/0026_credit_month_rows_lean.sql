ALTER TABLE "credit_monthly" ALTER COLUMN "dimensions" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "credit_monthly" DROP COLUMN "explanation";