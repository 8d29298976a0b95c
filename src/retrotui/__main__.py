from retrotui.cli import main

raise SystemExit(main())
