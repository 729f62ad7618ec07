package scan

import "zpadd/ui/macinput"

func macinputAccepted(mac string) macinput.Accepted { return macinput.Accepted{MAC: mac} }
