from drafter.cli import run

if __name__ == "__main__":  # not when a worker process of a batch (spawn) re-imports the main module
    run()
