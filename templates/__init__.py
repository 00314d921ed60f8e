# Installed as the package ``drafter.templates`` so the files below ship with drafter.
# Each directory is one report kind: kind.yaml (its parts), text.j2 (its wording), scaffold.yaml.j2.
