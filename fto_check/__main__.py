from fto_check.cli.app import main

main()
