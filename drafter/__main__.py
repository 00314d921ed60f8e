from drafter.cli import main

if __name__ == "__main__":  # not when a worker process of a batch (spawn) re-imports the main module
    main()
