from fto_check.cli import main

main()
