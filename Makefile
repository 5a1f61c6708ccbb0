# The single-server stack (docker-compose.yml). docs/operations.md walks through a first deployment.
COMPOSE ?= docker compose
BACKUP ?=

.PHONY: start stop restart rebuild logs logs-backend clean db-shell-app backup restore secrets

## start: build what is missing and start the stack in the background
start:
	$(COMPOSE) up -d

## stop: stop and remove the containers (volumes stay)
stop:
	$(COMPOSE) down

## restart: restart every service
restart:
	$(COMPOSE) restart

## rebuild: build the images again and recreate the containers
rebuild:
	$(COMPOSE) build --pull
	$(COMPOSE) up -d --force-recreate

## logs: follow every service's log
logs:
	$(COMPOSE) logs -f --tail=200

## logs-backend: follow the API's and the platform's logs
logs-backend:
	$(COMPOSE) logs -f --tail=200 api platform

## clean: stop the stack and delete its volumes (the database and the documents too)
clean:
	$(COMPOSE) down -v --remove-orphans

## db-shell-app: psql in the app's database
db-shell-app:
	$(COMPOSE) exec postgres psql -U postgres -d motovaultpro

## backup: database dump and documents archive into ./backups/motovaultpro-<UTC time>/
backup:
	deploy/scripts/backup.sh --compose ./backups

## restore: restore one backup folder: make restore BACKUP=backups/motovaultpro-20260101T000000Z
restore:
	@test -n "$(BACKUP)" || { echo 'Name the backup folder: make restore BACKUP=backups/motovaultpro-<time>'; exit 2; }
	deploy/scripts/restore.sh --compose $(BACKUP)

## secrets: create the missing secret files in deploy/secrets/ (never overwrites one)
secrets:
	deploy/generate-secrets.sh
