#!/usr/bin/env bash
# One database account per app (docker-compose; ./changgou does the same locally): its own schema
# only, with what the app and its Flyway migrations need. Run by the MySQL image's entrypoint
# after schemas.sql, with the passwords from the container's environment.
set -euo pipefail
for app in user order pay; do
  var="${app^^}_DB_PASSWORD"
  password="${!var:?set $var}"
  mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER IF NOT EXISTS 'changgou_${app}'@'%' IDENTIFIED BY '${password}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, REFERENCES ON \`changgou_${app}\`.* TO 'changgou_${app}'@'%';
SQL
done
