"""Entry point of the self-contained build: the same command as the installed `fact-review`."""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop.entry import main

    sys.exit(main())
