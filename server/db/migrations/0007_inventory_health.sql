CREATE TABLE "inventory_health" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"can_send_message" text,
	"status" jsonb NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inventory_health_space_id_phone_number_pk" PRIMARY KEY("space_id","phone_number")
);
--> statement-breakpoint
ALTER TABLE "inventory_health" ADD CONSTRAINT "inventory_health_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;